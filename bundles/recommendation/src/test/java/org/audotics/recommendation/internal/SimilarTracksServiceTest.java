package org.audotics.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.SimilarityRecommender;
import org.audotics.recommendation.api.UnknownSeedException;
import org.junit.jupiter.api.Test;

/** {@code RecommendationService.similar} (1.3): the engine's capability when it has one, a one-seed request otherwise. */
class SimilarTracksServiceTest {

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final DefaultRecommendationService service;
    private final AtomicReference<String> askedSimilar = new AtomicReference<>();
    private final AtomicReference<RecommendationRequest> askedRecommend = new AtomicReference<>();

    SimilarTracksServiceTest() {
        for (int i = 0; i < 10; i++) {
            tracks.put("t" + i, TestCatalog.track("t" + i, "jazz", i / 10.0, "a" + (i % 3)));
        }
        service = new DefaultRecommendationService(TestCatalog.of(tracks));
        service.history = PersonalisedRecommendationTest.history(Map.of("u1", List.of("t5")), Map.of("u1", List.of("t3")));
    }

    /** An engine with the capability that proposes every track, the asked one and banned ones included (careless). */
    private final class Capable implements SimilarityRecommender {
        @Override
        public List<ScoredTrack> recommend(RecommendationRequest request, int limit) {
            throw new AssertionError("similar must be asked, not recommend");
        }

        @Override
        public List<ScoredTrack> similar(String trackId, RecommendationContext context, int limit) {
            askedSimilar.set(trackId);
            return tracks.keySet().stream().map(id -> new ScoredTrack(id, 1 - Integer.parseInt(id.substring(1)) / 20.0)).toList();
        }
    }

    @Test
    void anEngineWithTheCapabilityIsAskedAndItsAnswerFilteredForBansExclusionsAndTheTrackItself() {
        service.use(new ActiveEngine(new Capable(), new EngineInfo("capable", null, "test", "1.3.0", 0)));
        RecommendationContext context = RecommendationContext.NONE.withCaller(Caller.user("u1"))
                .withExclusions(new Exclusions(Set.of("t1"), Set.of("a2"), Set.of()));
        List<String> ids = service.similar("t0", context, null, 20).tracks().stream().map(r -> r.track().id()).toList();
        assertEquals("t0", askedSimilar.get());
        // t0 the track, t1 excluded, t3 banned by u1, t2/t5/t8 by the excluded artist a2; most similar first
        assertEquals(List.of("t4", "t6", "t7", "t9"), ids);
        assertEquals(2, service.similar("t0", RecommendationContext.NONE, null, 2).tracks().size());
    }

    @Test
    void anEngineWithoutTheCapabilityIsAskedForAOneSeedRecommendation() {
        service.use(new ActiveEngine((request, limit) -> {
            askedRecommend.set(request);
            return tracks.keySet().stream().map(id -> new ScoredTrack(id, 0.5)).toList();
        }, new EngineInfo("v1", null, "test", "1.0.0", 0)));
        List<String> ids = service.similar("t4", RecommendationContext.NONE.withCaller(Caller.user("u1")), "SE", 20)
                .tracks().stream().map(r -> r.track().id()).toList();
        assertEquals(List.of("t4"), askedRecommend.get().seedTrackIds());
        assertEquals("SE", askedRecommend.get().market());
        assertFalse(ids.contains("t4"), "never the track itself");
        assertFalse(ids.contains("t3"), "banned");
        assertEquals(8, ids.size());
    }

    @Test
    void anUnknownTrackOrABadLimitIsRefused() {
        service.use(new ActiveEngine(new Capable(), new EngineInfo("capable", null, "test", "1.3.0", 0)));
        assertThrows(UnknownSeedException.class, () -> service.similar("nope", RecommendationContext.NONE, null, 5));
        assertThrows(IllegalArgumentException.class, () -> service.similar("t0", RecommendationContext.NONE, null, 0));
        assertThrows(IllegalArgumentException.class, () -> service.similar("t0", RecommendationContext.NONE, null, 101));
        assertTrue(askedSimilar.get() == null, "the engine was never asked");
    }
}
