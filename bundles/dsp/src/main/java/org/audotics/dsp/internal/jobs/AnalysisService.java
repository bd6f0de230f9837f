package org.audotics.dsp.internal.jobs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.api.UndecodableAudioException;
import org.audotics.dsp.api.UnsupportedAudioFormatException;
import org.audotics.dsp.internal.models.TrackAnalyzer;
import org.audotics.dsp.internal.signal.SignalAnalysis;
import org.audotics.dsp.internal.signal.SignalFeatures;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analysis jobs: a bounded pool of worker threads takes jobs from the shared queue
 * ({@link AnalysisStore}), analyses the stored audio ({@link TrackAnalyzer}), sets the track's features in
 * the catalog (which tells the recommenders) and records the full analysis. A dispatcher thread looks
 * for work twice a second and whenever a job is submitted. On start, jobs this node was running when it
 * stopped are put back in the queue. The schema is migrated on the dispatcher thread, retried while the
 * database is unreachable.
 */
@Component(service = {AnalysisService.class, HealthCheck.class}, configurationPid = DspConfig.PID,
        property = HealthCheck.NAME + "=analysis")
@Designate(ocd = DspConfig.class)
public final class AnalysisService implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);
    private static final long PROGRESS_INTERVAL_MS = 500;

    private final Path audioFolder;
    private final long maxUploadBytes;
    private final String nodeId;
    private final Semaphore idleWorkers;
    private final ExecutorService workers;
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(named("audotics-analysis-dispatch"));
    private final TrackAnalyzer analyzer;
    private final CatalogService catalog;
    private volatile AnalysisStore store;
    private volatile String notReadyBecause = "migration not run yet";

    @Activate
    public AnalysisService(@Reference Database database, @Reference TrackAnalyzer analyzer, @Reference CatalogService catalog, DspConfig config) {
        this.analyzer = analyzer;
        this.catalog = catalog;
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        this.audioFolder = config.audio_folder().isBlank() ? data.resolve("audotics").resolve("audio") : Path.of(config.audio_folder().strip());
        this.maxUploadBytes = Math.max(1, config.max_upload_mb()) * 1024L * 1024L;
        this.nodeId = NodeIdentity.of(data);
        int threads = Math.max(1, config.worker_threads());
        this.idleWorkers = new Semaphore(threads);
        this.workers = Executors.newFixedThreadPool(threads, named("audotics-analysis-worker"));
        dispatcher.execute(() -> open(database));
        dispatcher.scheduleWithFixedDelay(this::dispatch, 500, 500, TimeUnit.MILLISECONDS);
        long staleMillis = Math.max(10, config.stale_job_seconds()) * 1000L;
        dispatcher.scheduleWithFixedDelay(() -> requeueStale(staleMillis), 30, 30, TimeUnit.SECONDS);
    }

    private void open(Database database) {
        try {
            AnalysisStore opened = new AnalysisStore(database);
            int requeued = opened.requeueInterrupted(nodeId);
            if (requeued > 0) {
                LOG.info("Analysis: {} job(s) interrupted by the last stop are queued again", requeued);
            }
            store = opened;
        } catch (StorageException e) {
            notReadyBecause = e.getMessage();
            LOG.warn("Analysis queue not ready ({}); retrying in 5 s", e.getMessage());
            if (!dispatcher.isShutdown()) {
                dispatcher.schedule(() -> open(database), 5, TimeUnit.SECONDS);
            }
        }
    }

    @Deactivate
    public void deactivate() {
        dispatcher.shutdownNow();
        workers.shutdownNow(); // interrupted jobs stay RUNNING for this node id and are requeued on its next start
    }

    @Override
    public HealthStatus check() {
        return store == null ? HealthStatus.down("analysis queue not ready: " + notReadyBecause)
                : HealthStatus.up("analysis queue ready, node " + nodeId);
    }

    public Path audioFolder() {
        return audioFolder;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Queues the analysis of a stored audio file. */
    public AnalysisJob submit(String trackId, Path audio) {
        return submit(trackId, audio, null);
    }

    /** Queues the analysis of a file found by the folder scan {@code scanId}. */
    public AnalysisJob submit(String trackId, Path audio, String scanId) {
        AnalysisJob job = store().create(trackId, audio.toString(), scanId);
        dispatcher.execute(this::dispatch);
        return job;
    }

    public Optional<AnalysisJob> job(String id) {
        return store().job(id);
    }

    /** The queue's store, for the folder scans that share its database (empty until the schema is migrated). */
    public Optional<AnalysisStore> storeIfReady() {
        return Optional.ofNullable(store);
    }

    public String nodeId() {
        return nodeId;
    }

    public java.util.Map<String, AnalysisSummary> summaries(java.util.Collection<String> trackIds) {
        return store().summaries(trackIds);
    }

    public Optional<TrackAnalysis> analysis(String trackId) {
        return store().analysis(trackId);
    }

    private AnalysisStore store() {
        AnalysisStore ready = store;
        if (ready == null) {
            throw new StorageException("the analysis queue is not ready yet", StorageException.Reason.UNAVAILABLE, null);
        }
        return ready;
    }

    private void dispatch() {
        AnalysisStore ready = store;
        if (ready == null) {
            return;
        }
        try {
            while (idleWorkers.tryAcquire()) {
                Optional<AnalysisJob> job = ready.claimNext(nodeId);
                if (job.isEmpty()) {
                    idleWorkers.release();
                    return;
                }
                workers.execute(() -> {
                    try {
                        run(ready, job.get());
                    } finally {
                        idleWorkers.release();
                    }
                });
            }
        } catch (StorageException e) {
            LOG.warn("Analysis dispatch paused: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Analysis dispatch failed", e);
        }
    }

    private void run(AnalysisStore store, AnalysisJob job) {
        long started = System.nanoTime();
        long[] lastReport = {0};
        try {
            TrackAnalyzer.Analysis analysis = analyzer.analyze(Path.of(job.audioPath()), progress -> {
                long now = System.currentTimeMillis();
                if (now - lastReport[0] >= PROGRESS_INTERVAL_MS) {
                    lastReport[0] = now;
                    store.progress(job.id(), Math.min(0.99, progress));
                }
            });
            SignalFeatures signal = analysis.signal();
            // the catalog first: if completing the job then fails, the job runs again and writes the same features
            if (!catalog.updateAudioFeatures(job.trackId(), analysis.features())) {
                store.fail(job.id(), "track_not_found", "track '" + job.trackId() + "' was removed from the catalog before its analysis finished");
                return;
            }
            store.complete(job.id(), new TrackAnalysis(job.trackId(), SignalAnalysis.VERSION, signal.durationMs(), signal.tempoConfidence(),
                    signal.keyConfidence(), signal.timeSignature(), signal.timeSignatureConfidence(), analysis.features(),
                    StructureJson.of(signal.structure()), System.currentTimeMillis()));
            LOG.info("Analysis of track {} done in {} ms", job.trackId(), (System.nanoTime() - started) / 1_000_000);
        } catch (UnsupportedAudioFormatException e) {
            store.fail(job.id(), "unsupported_audio_format", e.getMessage());
        } catch (UndecodableAudioException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the node is stopping and closed the file under the analysis: not the audio's fault
                requeueQuietly(store, job);
                return;
            }
            store.fail(job.id(), "undecodable_audio", e.getMessage());
        } catch (StorageException e) {
            LOG.warn("Analysis of track {} could not be stored ({}); it will run again", job.trackId(), e.getMessage());
            requeueQuietly(store, job);
        } catch (RuntimeException | LinkageError e) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("Analysis of track {} failed, error id {}", job.trackId(), errorId, e);
            store.fail(job.id(), "internal_error", "the analysis failed; quote error id " + errorId + " when reporting it");
        }
    }

    /** Jobs of a node that died and never came back would otherwise stay RUNNING for ever. */
    private void requeueStale(long staleMillis) {
        AnalysisStore ready = store;
        if (ready == null) {
            return;
        }
        try {
            int requeued = ready.requeueStale(System.currentTimeMillis() - staleMillis);
            if (requeued > 0) {
                LOG.warn("Analysis: {} job(s) of a node silent for {} s are queued again", requeued, staleMillis / 1000);
            }
        } catch (StorageException e) {
            LOG.debug("Stale job check skipped: {}", e.getMessage());
        }
    }

    private static void requeueQuietly(AnalysisStore store, AnalysisJob job) {
        try {
            store.requeue(job.id());
        } catch (StorageException stillDown) {
            // the job stays RUNNING for this node and is requeued on its next start
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
