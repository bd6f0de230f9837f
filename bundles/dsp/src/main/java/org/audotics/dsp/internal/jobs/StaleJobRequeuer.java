package org.audotics.dsp.internal.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 30 s, puts back in the queue the running jobs of a node that has not reported for
 * {@code stale.job.seconds}: a node that died and never came back would otherwise keep them RUNNING for ever.
 */
@Component(service = StaleJobRequeuer.class, immediate = true, configurationPid = DspConfig.PID)
public final class StaleJobRequeuer {

    private static final Logger LOG = LoggerFactory.getLogger(StaleJobRequeuer.class);

    private final AnalysisQueue queue;
    private final long staleMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("audotics-analysis-stale-jobs"));

    @Activate
    public StaleJobRequeuer(@Reference AnalysisQueue queue, DspConfig config) {
        this.queue = queue;
        this.staleMillis = Math.max(10, config.stale_job_seconds()) * 1000L;
        timer.scheduleWithFixedDelay(this::requeueStale, 30, 30, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void requeueStale() {
        queue.storeIfReady().ifPresent(store -> {
            try {
                int requeued = store.requeueStale(System.currentTimeMillis() - staleMillis);
                if (requeued > 0) {
                    LOG.warn("Analysis: {} job(s) of a node silent for {} s are queued again", requeued, staleMillis / 1000);
                }
            } catch (StorageException e) {
                LOG.debug("Stale job check skipped: {}", e.getMessage());
            }
        });
    }
}
