package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's wiring of the graph: built on its own thread after the first build, joined to the index, used. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineGraphTest {

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private FeatureKnnRecommender engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.deactivate();
        }
    }

    private void start(int minTracks) {
        GraphCandidatesTest.tracks(3_000, 1).forEach(catalog::put);
        engine = new FeatureKnnRecommender(catalog, Duration.ofHours(1), Duration.ZERO, Duration.ZERO, () -> 0L,
                new VectorIndexSettings(minTracks, 5, 100, 16, 100, 64));
    }

    @Test
    void aBaseAtTheThresholdGetsItsGraphAndTheReadinessSaysSo() throws Exception {
        start(3_000);
        while (engine.indexer().current() == null || engine.indexer().current().baseVectors == null) {
            Thread.sleep(20);
        }
        assertTrue(engine.check().detail().contains("candidates from an HNSW graph of 3000 tracks"), engine.check().detail());
        List<ScoredTrack> answer = engine.recommend(new RecommendationRequest(List.of("t000010"), List.of(), List.of(),
                Map.of(), null), 10);
        assertEquals(10, answer.size());
        assertFalse(answer.stream().anyMatch(track -> track.trackId().equals("t000010")));
    }

    @Test
    void aBaseBelowTheThresholdIsScannedAndTheReadinessIsUnchanged() throws Exception {
        start(3_001);
        while (engine.indexer().current() == null) {
            Thread.sleep(20);
        }
        engine.executor().submit(() -> { }).get();
        assertNull(engine.indexer().current().baseVectors);
        assertTrue(engine.check().detail().matches("index of 3000 tracks built at catalog revision \\d+, events up to \\d+"),
                engine.check().detail());
        assertNotNull(engine.recommend(new RecommendationRequest(List.of("t000010"), List.of(), List.of(), Map.of(), null), 10));
    }
}
