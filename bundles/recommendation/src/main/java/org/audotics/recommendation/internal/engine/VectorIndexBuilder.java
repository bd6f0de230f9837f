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
 *
 * <p>With a graph directory configured ({@link VectorIndexSettings#graphDirectory()}), a base whose
 * {@link BaseFingerprint} has a graph kept there loads it instead of building ({@link PersistedGraphs}), and a built
 * graph is kept there once it serves.
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

    /**
     * @return whether a graph of this base is still to come: it is the newest base given, large enough, and its
     *         build neither failed nor was refused (the component stopping)
     */
    boolean pending(TrackIndex base) {
        return wanted == base;
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
        long started = System.nanoTime();
        try {
            PersistedGraphs kept = current.graphDirectory() == null ? null : new PersistedGraphs(current.graphDirectory());
            BaseFingerprint fingerprint = kept == null ? null : BaseFingerprint.of(base, current);
            if (kept != null) {
                state = "loading HNSW graph of " + base.size() + " tracks";
                BaseVectorIndex loaded = kept.load(fingerprint, base, current);
                if (loaded != null) {
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    LOG.info("Feature index HNSW graph loaded: {} tracks in {} ms from {}", base.size(), ms, kept.root());
                    finish(base, loaded, "loaded in " + ms + " ms", built);
                    return;
                }
            }
            state = "building HNSW graph of " + base.size() + " tracks";
            BaseVectorIndex index = BaseVectorIndex.build(base, current,
                    () -> wanted != base || Thread.currentThread().isInterrupted());
            if (index == null) {
                return;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Feature index HNSW graph built: {} tracks in {} ms", base.size(), ms);
            if (finish(base, index, "built in " + ms + " ms", built) && kept != null) {
                kept.save(fingerprint, index, current); // after it serves: the copy is for the next start
            }
        } catch (RuntimeException e) { // the scan keeps answering: a missing graph costs speed only
            LOG.warn("Feature index HNSW graph not built ({}); the exact scan answers", e.toString());
            state = "no HNSW graph (" + e + "): exact scan";
            if (wanted == base) {
                wanted = null; // nothing will come: a compaction waiting for it goes ahead without (pending)
            }
        }
    }

    /** @return whether the graph was handed over: false when a newer base arrived meanwhile */
    private boolean finish(TrackIndex base, BaseVectorIndex index, String how, Consumer<BaseVectorIndex> built) {
        if (wanted != base) {
            return false;
        }
        state = "candidates from an HNSW graph of " + base.size() + " tracks, " + how;
        built.accept(index);
        return true;
    }
}
