package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A compaction keeps the old base and its graph serving, with the delta scanned, until the compacted base's graph is
 * ready; then the compacted index, with the patches made meanwhile, is served. Graph builds run when the test says.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompactionGraphTest {

    private static final VectorIndexSettings SETTINGS = new VectorIndexSettings(1_000, 5, 100, 16, 100, 64);

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final ScheduledThreadPoolExecutor indexThread = new ScheduledThreadPoolExecutor(1);
    /** Graph builds handed to the builder, run by {@link #buildGraphs()}. */
    private final Queue<Runnable> graphBuilds = new ArrayDeque<>();
    private FeatureIndexer indexer;

    @AfterEach
    void stop() {
        indexThread.shutdownNow();
    }

    private void start(Executor graphThread) throws Exception {
        GraphCandidatesTest.tracks(3_000, 1).forEach(catalog::put);
        indexer = new FeatureIndexer(catalog, indexThread, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1),
                () -> 0L, new VectorIndexBuilder(graphThread, SETTINGS));
        indexThread.submit(indexer::refresh).get();
    }

    private void settle() throws Exception {
        indexThread.submit(() -> { }).get();
    }

    private void buildGraphs() throws Exception {
        while (!graphBuilds.isEmpty()) {
            graphBuilds.poll().run();
        }
        settle(); // the graph joins the index on the index thread
    }

    /** Imports new tracks (ids {@code <prefix>t000000..}) as the catalog's events announce them; returns their ids. */
    private List<String> importTracks(String prefix, int count, long seed) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Track track : GraphCandidatesTest.tracks(count, seed)) {
            Track renamed = new Track(prefix + track.id(), track.externalId(), track.name(), track.artists(), track.album(),
                    track.genres(), track.popularity(), track.durationMs(), track.explicit(), track.trackNumber(),
                    track.discNumber(), track.audioFeatures());
            catalog.put(renamed);
            ids.add(renamed.id());
        }
        indexer.changed(ids, catalog.revision());
        settle(); // the patch was scheduled without delay
        settle();
        return ids;
    }

    @Test
    void theOldGraphServesUntilTheCompactedBasesGraphIsReady() throws Exception {
        start(graphBuilds::add);
        buildGraphs();
        BaseVectorIndex oldGraph = indexer.current().baseVectors;
        assertNotNull(oldGraph);

        List<String> imported = importTracks("n", 1_100, 9); // past the compaction bound (1 024)
        FeatureIndex serving = indexer.current();
        assertEquals(3_000, serving.base.size(), "the old base still serves");
        assertSame(oldGraph, serving.baseVectors, "with its graph");
        assertEquals(1_100, serving.delta.size());
        assertTrue(serving.contains(imported.get(0)));

        List<String> later = importTracks("m", 3, 10); // while the compacted base's graph is built
        assertSame(oldGraph, indexer.current().baseVectors);
        assertEquals(4_103, indexer.current().size());

        buildGraphs();
        FeatureIndex compacted = indexer.current();
        assertEquals(4_100, compacted.base.size(), "the compacted base, with its graph");
        assertNotNull(compacted.baseVectors);
        assertSame(compacted.base, compacted.baseVectors.base());
        assertEquals(3, compacted.delta.size(), "the patch made meanwhile is applied on top");
        assertEquals(4_103, compacted.size());
        for (String id : List.of(imported.get(0), imported.get(1_099), later.get(2), "t000005")) {
            assertTrue(compacted.contains(id), id);
        }
        List<ScoredTrack> answer = NearestNeighbours.recommend(compacted, new RecommendationRequest(
                List.of(imported.get(7)), List.of(), List.of(), Map.of(), null), 10);
        assertEquals(10, answer.size());
    }

    @Test
    void withoutAGraphToComeTheCompactedIndexServesAtOnce() throws Exception {
        List<Runnable> accepted = new ArrayList<>();
        start(task -> {
            if (!accepted.isEmpty()) {
                throw new RejectedExecutionException("stopping"); // the first base's build only
            }
            accepted.add(task);
        });
        accepted.get(0).run();
        settle();
        assertNotNull(indexer.current().baseVectors);

        importTracks("n", 1_100, 9);
        assertEquals(4_100, indexer.current().base.size(), "no graph will come: not worth waiting for");
        assertNull(indexer.current().baseVectors);
    }

    @Test
    void aBaseWithoutAGraphIsCompactedAtOnce() throws Exception {
        start(graphBuilds::add); // the first base's graph is never built here
        importTracks("n", 1_100, 9);
        assertEquals(4_100, indexer.current().base.size(), "nothing to keep serving: the compacted base serves");
        buildGraphs(); // the first base's build finds its base replaced and stops; the compacted one's is built
        assertNotNull(indexer.current().baseVectors);
        assertEquals(4_100, indexer.current().baseVectors.base().size());
    }
}
