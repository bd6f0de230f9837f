package org.audotics.recommendation.internal.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link BaseVectorIndex} of each new base the {@link FeatureIndexer} makes (a full build or a
 * compaction), on a thread of its own, and hands it back when done; until then the exact scan answers.
 *
 * <p>Why not on the indexer's thread: at a million tracks the graph takes minutes (docs/recommender.md), and the
 * indexer's thread must stay free for catalog patches, which are due within the coalescing delay. Only the newest
 * base is worth a graph: a build whose base was replaced stops at its next check and the newer one starts.
 */
final class VectorIndexBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(VectorIndexBuilder.class);

    private final Executor executor;
    private volatile VectorIndexSettings settings;
    /** The base a graph is wanted for, or null; a build whose base is no longer this one stops. */
    private volatile TrackIndex wanted;
    /** Empty while no graph is wanted (a small base: the scan is the design, not a fallback). */
    private volatile String state = "";

    /** @param executor runs the builds, one at a time (one thread); the caller's to stop */
    VectorIndexBuilder(Executor executor, VectorIndexSettings settings) {
        this.executor = executor;
        this.settings = settings;
    }

    /** New settings apply from the next base. */
    void configure(VectorIndexSettings next) {
        settings = next;
    }

    VectorIndexSettings settings() {
        return settings;
    }

    /** @return what the candidate stage is doing, for the readiness detail; empty when the base is below the threshold */
    String state() {
        return state;
    }

    /**
     * A new base replaced the last one: builds its graph when it is large enough, and passes it to {@code built}
     * (on the build thread) unless a newer base arrived meanwhile. Returns at once.
     */
    void baseChanged(TrackIndex base, Consumer<BaseVectorIndex> built) {
        VectorIndexSettings current = settings;
        if (!current.wantsGraph(base.size())) {
            wanted = null;
            state = "";
            return;
        }
        wanted = base;
        try {
            executor.execute(() -> build(base, current, built));
        } catch (RejectedExecutionException stopping) {
            wanted = null; // the component is stopping
        }
    }

    private void build(TrackIndex base, VectorIndexSettings current, Consumer<BaseVectorIndex> built) {
        if (wanted != base) {
            return; // a newer base came while this one waited: its own task follows
        }
        state = "building HNSW graph of " + base.size() + " tracks";
        long started = System.nanoTime();
        try {
            BaseVectorIndex index = BaseVectorIndex.build(base, current,
                    () -> wanted != base || Thread.currentThread().isInterrupted());
            if (index == null || wanted != base) {
                return;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Feature index HNSW graph built: {} tracks in {} ms", base.size(), ms);
            state = "candidates from an HNSW graph of " + base.size() + " tracks, built in " + ms + " ms";
            built.accept(index);
        } catch (RuntimeException e) { // the scan keeps answering: a missing graph costs speed only
            LOG.warn("Feature index HNSW graph not built ({}); the exact scan answers", e.toString());
            state = "no HNSW graph (" + e + "): exact scan";
        }
    }
}
