package org.audotics.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.TasteProfile;
import org.audotics.history.api.TimeRange;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.junit.jupiter.api.Test;

/** A listener's request: taste and bans from history, seeded with the taste when it has no seed. */
public class PersonalisedRecommendationTest {

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final AtomicReference<RecommendationRequest> seen = new AtomicReference<>();
    private final DefaultRecommendationService service;

    PersonalisedRecommendationTest() {
        for (int i = 0; i < 10; i++) {
            tracks.put("t" + i, TestCatalog.track("t" + i, "jazz", i / 10.0, "a" + i));
        }
        service = new DefaultRecommendationService(TestCatalog.of(tracks));
        // an engine of version 1.0: it reads seeds only and proposes every track
        service.use(new ActiveEngine((request, limit) -> {
            seen.set(request);
            return tracks.keySet().stream().map(id -> new ScoredTrack(id, 0.5)).toList();
        }, new EngineInfo("v1", null, "test", "1.0.0", 0)));
        service.history = history(Map.of("u1", List.of("t1", "t2")), Map.of("u1", List.of("t3")));
    }

    private static RecommendationRequest seedless(Caller caller) {
        return new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null,
                RecommendationContext.NONE.withCaller(caller));
    }

    @Test
    void aSeedlessRequestIsSeededWithTheListenersTasteAndTheirBansAreDropped() {
        var answer = service.recommend(seedless(Caller.user("u1")), 10);
        assertEquals(List.of("t1", "t2"), seen.get().seedTrackIds(), "the heaviest taste tracks seed it");
        assertEquals(Map.of("t1", 1.0, "t2", 0.5), seen.get().context().taste());
        List<String> ids = answer.tracks().stream().map(r -> r.track().id()).toList();
        assertFalse(ids.contains("t3"), "banned");
        assertFalse(ids.contains("t1"), "a seed");
        assertTrue(ids.contains("t4"));
    }

    @Test
    void aListenerWithoutHistoryAndWithoutSeedsHasNothingToStartFrom() {
        assertThrows(NoSeedException.class, () -> service.recommend(seedless(Caller.user("newcomer")), 10));
    }

    @Test
    void withoutAHistoryServiceAListenerIsAnsweredFromTheSeeds() {
        service.history = null;
        var request = new RecommendationRequest(List.of("t0"), List.of(), List.of(), Map.of(), null,
                RecommendationContext.NONE.withCaller(Caller.user("u1")));
        assertEquals(9, service.recommend(request, 10).tracks().size());
    }

    /** Plays (score 2 for the first, 1 for the next...) and bans per user. */
    public static HistoryService history(Map<String, List<String>> plays, Map<String, List<String>> bans) {
        return (HistoryService) Proxy.newProxyInstance(HistoryService.class.getClassLoader(), new Class<?>[] {HistoryService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "profile" -> {
                        List<ScoredItem> items = new ArrayList<>();
                        List<String> played = plays.getOrDefault((String) args[0], List.of());
                        for (int i = 0; i < played.size(); i++) {
                            items.add(new ScoredItem(played.get(i), played.size() - i, 1));
                        }
                        yield new TasteProfile((String) args[0], (TimeRange) args[1], items, List.of());
                    }
                    case "bannedTracks" -> new java.util.TreeSet<>(bans.getOrDefault((String) args[0], List.of()));
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
