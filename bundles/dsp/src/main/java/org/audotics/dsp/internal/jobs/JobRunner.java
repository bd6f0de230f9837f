package org.audotics.dsp.internal.jobs;

import java.nio.file.Path;
import java.util.UUID;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.api.UndecodableAudioException;
import org.audotics.dsp.api.UnsupportedAudioFormatException;
import org.audotics.dsp.internal.models.TrackAnalyzer;
import org.audotics.dsp.internal.signal.SignalAnalysis;
import org.audotics.dsp.internal.signal.SignalFeatures;
import org.audotics.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job: analyses its audio, sets the track's features in the catalog (which tells the
 * recommenders) and stores the full analysis. A job that cannot succeed fails with a code and a message
 * in our words; what a decoder or the JVM said goes to the log under an error id that the message quotes.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long PROGRESS_INTERVAL_MS = 500;

    private final TrackAnalyzer analyzer;
    private final CatalogService catalog;
    private final AnalysisMetrics metrics;

    JobRunner(TrackAnalyzer analyzer, CatalogService catalog, AnalysisMetrics metrics) {
        this.analyzer = analyzer;
        this.catalog = catalog;
        this.metrics = metrics;
    }

    void run(AnalysisStore store, AnalysisJob job) {
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
                fail(store, job, "track_not_found", "track '" + job.trackId() + "' was removed from the catalog before its analysis finished");
                return;
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            store.complete(job.id(), new TrackAnalysis(job.trackId(), SignalAnalysis.VERSION, signal.durationMs(), signal.tempoConfidence(),
                    signal.keyConfidence(), signal.timeSignature(), signal.timeSignatureConfidence(), analysis.features(), analysis.raw(),
                    StructureJson.of(signal.structure()), System.currentTimeMillis(), tookMs));
            metrics.finished(true);
            LOG.info("Analysis of track {} done in {} ms", job.trackId(), tookMs);
        } catch (UnsupportedAudioFormatException e) {
            fail(store, job, "unsupported_audio_format", withErrorId(job, e));
        } catch (UndecodableAudioException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the node is stopping and closed the file under the analysis: not the audio's fault
                requeueQuietly(store, job);
                return;
            }
            fail(store, job, "undecodable_audio", withErrorId(job, e));
        } catch (StorageException e) {
            LOG.warn("Analysis of track {} could not be stored ({}); it will run again", job.trackId(), e.getMessage());
            requeueQuietly(store, job);
        } catch (RuntimeException | LinkageError e) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("Analysis of track {} failed, error id {}", job.trackId(), errorId, e);
            fail(store, job, "internal_error", "the analysis failed; quote error id " + errorId + " when reporting it");
        }
    }

    private void fail(AnalysisStore store, AnalysisJob job, String code, String message) {
        store.fail(job.id(), code, message);
        metrics.finished(false);
    }

    /**
     * The exception's message is ours (the decoders' own texts stay in their causes); when a cause says
     * more, it is logged under an error id that the job's message quotes.
     */
    private static String withErrorId(AnalysisJob job, IllegalArgumentException e) {
        if (e.getCause() == null) {
            return e.getMessage();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.warn("Analysis of track {} ({}): {}, error id {}", job.trackId(), job.audioPath(), e.getMessage(), errorId, e.getCause());
        return e.getMessage() + " (details in the server log under error id " + errorId + ")";
    }

    static void requeueQuietly(AnalysisStore store, AnalysisJob job) {
        try {
            store.requeue(job.id());
        } catch (StorageException stillDown) {
            // the job stays RUNNING for this node and is requeued on its next start
        }
    }
}
