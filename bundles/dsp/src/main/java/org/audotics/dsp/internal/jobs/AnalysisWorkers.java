package org.audotics.dsp.internal.jobs;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.models.TrackAnalyzer;
import org.audotics.metrics.api.Metrics;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's worker pool: {@code worker.threads} threads, fed by a dispatcher thread that claims queued
 * jobs from the shared queue ({@link AnalysisStore#claimNext}) twice a second and whenever a job is
 * submitted, as long as a worker is idle. Each job is run by a {@link JobRunner}. Jobs interrupted by a
 * stop of the node (or of this component, on a configuration change) stay RUNNING for this node; the
 * first dispatch of the next start puts them back in the queue.
 */
@Component(service = AnalysisWorkers.class, immediate = true, configurationPid = DspConfig.PID)
@Designate(ocd = DspConfig.class)
public final class AnalysisWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorkers.class);

    private final AnalysisQueue queue;
    private final JobRunner runner;
    private final AnalysisMetrics metrics = new AnalysisMetrics();
    private final Semaphore idleWorkers;
    private final ExecutorService workers;
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(Threads.named("audotics-analysis-dispatch"));
    private final Runnable wakeUp = () -> dispatcher.execute(this::dispatch);
    /** Touched by the dispatcher thread only. */
    private boolean leftoversRequeued;

    @Activate
    public AnalysisWorkers(@Reference AnalysisQueue queue, @Reference TrackAnalyzer analyzer, @Reference CatalogService catalog, DspConfig config) {
        this.queue = queue;
        this.runner = new JobRunner(analyzer, catalog, metrics);
        int threads = Math.max(1, config.worker_threads());
        this.idleWorkers = new Semaphore(threads);
        this.workers = Executors.newFixedThreadPool(threads, Threads.named("audotics-analysis-worker"));
        dispatcher.scheduleWithFixedDelay(this::dispatch, 500, 500, TimeUnit.MILLISECONDS);
        queue.onSubmit(wakeUp);
    }

    /** The queue depth and the finished analyses while a metrics bundle is there ({@link AnalysisMetrics}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(Metrics sink) {
        metrics.reportTo(sink);
    }

    void unbindMetrics(Metrics sink) {
        metrics.stopReportingTo(sink);
    }

    @Deactivate
    public void deactivate() {
        metrics.stop();
        queue.removeSubmitListener(wakeUp);
        dispatcher.shutdownNow();
        workers.shutdownNow(); // interrupted jobs stay RUNNING for this node id and are requeued on its next start
        try {
            // a job still finishing would otherwise run again beside its requeued copy after a quick restart
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        Optional<AnalysisStore> ready = queue.storeIfReady();
        if (ready.isEmpty() || !requeueLeftovers(ready.get())) {
            return;
        }
        AnalysisStore store = ready.get();
        metrics.refreshQueue(store, System.nanoTime());
        while (idleWorkers.tryAcquire()) {
            // from here on the permit is this job's: every way out without a running job gives it back
            Optional<AnalysisJob> job;
            try {
                job = store.claimNext(queue.nodeId());
            } catch (StorageException e) {
                idleWorkers.release();
                LOG.warn("Analysis dispatch paused: {}", e.getMessage());
                return;
            } catch (RuntimeException e) {
                idleWorkers.release();
                LOG.error("Analysis dispatch failed", e);
                return;
            }
            if (job.isEmpty()) {
                idleWorkers.release();
                return;
            }
            try {
                workers.execute(() -> {
                    try {
                        runner.run(store, job.get());
                    } finally {
                        idleWorkers.release();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                idleWorkers.release(); // the job stays RUNNING for this node and is requeued on its next start
                return;
            }
        }
    }

    /** @return true once this node's jobs left RUNNING by its last stop are queued again (no worker of it runs anything yet) */
    private boolean requeueLeftovers(AnalysisStore store) {
        if (leftoversRequeued) {
            return true;
        }
        try {
            int requeued = store.requeueInterrupted(queue.nodeId());
            if (requeued > 0) {
                LOG.info("Analysis: {} job(s) interrupted by the last stop are queued again", requeued);
            }
            leftoversRequeued = true;
            return true;
        } catch (StorageException e) {
            LOG.warn("Analysis dispatch paused: {}", e.getMessage());
            return false;
        }
    }
}
