package org.audotics.dsp.internal.jobs;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The analysis job queue and the stored analyses, as the rest of the bundle sees them: submit a job,
 * read a job, an analysis or summaries. The store opens in the background ({@link QueueOpener}); until
 * then every call throws a {@link StorageException} of reason {@code UNAVAILABLE} (answered 503).
 * Thread-safe.
 */
@Component(service = AnalysisQueue.class)
public final class AnalysisQueue {

    private final String nodeId;
    private final QueueOpener opener;
    private final List<Runnable> submitListeners = new CopyOnWriteArrayList<>();
    private volatile AnalysisStore store;

    @Activate
    public AnalysisQueue(@Reference Database database) {
        this.nodeId = NodeIdentity.of(Path.of(System.getProperty("karaf.data", "data")));
        this.opener = new QueueOpener(database, opened -> store = opened);
        opener.start();
    }

    @Deactivate
    public void deactivate() {
        opener.stop();
    }

    /** This node's id, kept across restarts. */
    public String nodeId() {
        return nodeId;
    }

    /** @return why the queue is not ready, or empty when it is */
    public Optional<String> notReadyBecause() {
        return store == null ? Optional.of(opener.notReadyBecause()) : Optional.empty();
    }

    /** Runs {@code listener} (quickly: on the submitting thread) after each submitted job, e.g. to wake the workers. */
    public void onSubmit(Runnable listener) {
        submitListeners.add(listener);
    }

    public void removeSubmitListener(Runnable listener) {
        submitListeners.remove(listener);
    }

    /** Queues the analysis of a stored audio file. */
    public AnalysisJob submit(String trackId, Path audio) {
        return submit(trackId, audio, null);
    }

    /** Queues the analysis of a file found by the folder scan {@code scanId}. */
    public AnalysisJob submit(String trackId, Path audio, String scanId) {
        AnalysisJob job = store().create(trackId, audio.toString(), scanId);
        submitListeners.forEach(Runnable::run);
        return job;
    }

    public Optional<AnalysisJob> job(String id) {
        return store().job(id);
    }

    public Map<String, AnalysisSummary> summaries(Collection<String> trackIds) {
        return store().summaries(trackIds);
    }

    public Optional<TrackAnalysis> analysis(String trackId) {
        return store().analysis(trackId);
    }

    /** The store itself, for the workers and the folder scans that share its database (empty until it is open). */
    /** The newest analysis jobs first, over every node. */
    public java.util.List<AnalysisJob> recent(int limit) {
        return store().recent(limit);
    }

    public Optional<AnalysisStore> storeIfReady() {
        return Optional.ofNullable(store);
    }

    private AnalysisStore store() {
        AnalysisStore ready = store;
        if (ready == null) {
            throw new StorageException("the analysis queue is not ready yet", StorageException.Reason.UNAVAILABLE, null);
        }
        return ready;
    }
}
