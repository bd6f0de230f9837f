package org.audotics.recommendation.internal.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.AccountService;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.GroupRecommendation;
import org.audotics.recommendation.api.GroupRequest;
import org.audotics.recommendation.api.GroupStrategy;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.UnknownMemberException;
import org.audotics.recommendation.internal.PersonalisedRecommendationTest;
import org.audotics.recommendation.internal.ServiceForTests;
import org.audotics.recommendation.internal.TestCatalog;
import org.junit.jupiter.api.Test;

/** The group service over the recommendation service: members checked, every member's bans kept out, for whom. */
class DefaultGroupRecommendationsTest {

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final DefaultGroupRecommendations groups;

    DefaultGroupRecommendationsTest() {
        for (int i = 0; i < 6; i++) {
            tracks.put("j" + i, TestCatalog.track("j" + i, "jazz", 0.1 + i / 100.0, "jazzman"));
            tracks.put("m" + i, TestCatalog.track("m" + i, "metal", 0.9 + i / 100.0, "metalhead"));
        }
        var catalog = TestCatalog.of(tracks);
        var history = PersonalisedRecommendationTest.history(Map.of("ann", List.of("j0"), "bob", List.of("m0")),
                Map.of("bob", List.of("j1")));
        groups = new DefaultGroupRecommendations(ServiceForTests.proposingEverything(catalog, tracks.keySet(), history), catalog);
        groups.history = history;
        groups.accounts = (AccountService) Proxy.newProxyInstance(AccountService.class.getClassLoader(),
                new Class<?>[] {AccountService.class}, (proxy, method, args) -> method.getName().equals("account")
                        ? (Set.of("ann", "bob", "cyd").contains(args[0]) ? Optional.of(new Object()) : Optional.empty())
                        : null);
    }

    private static GroupRequest request(List<String> members, GroupStrategy strategy, int limit) {
        var seedless = new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null,
                RecommendationContext.NONE.withCaller(Caller.group(members, Map.of())));
        return new GroupRequest(Caller.group(members, Map.of()), strategy, seedless, limit);
    }

    @Test
    void everyMemberIsSatisfiedSomewhereAndNobodysBanIsAnswered() {
        var answer = groups.recommend(request(List.of("ann", "bob"), GroupStrategy.FAIRNESS, 6));
        List<String> ids = answer.tracks().stream().map(t -> t.track().id()).toList();
        assertFalse(ids.contains("j1"), "bob banned j1, so the group never gets it: " + ids);
        assertTrue(ids.stream().anyMatch(id -> id.startsWith("j")) && ids.stream().anyMatch(id -> id.startsWith("m")), ids.toString());
        for (GroupRecommendation track : answer.tracks()) {
            assertEquals(List.of("ann", "bob"), List.copyOf(track.satisfaction().keySet()));
            assertFalse(track.forWhom().isEmpty());
        }
        GroupRecommendation first = answer.tracks().get(0);
        assertEquals("ann", first.forWhom().get(0), "ann's turn comes first");
        assertTrue(first.track().id().startsWith("j") && first.satisfaction().get("ann") > first.satisfaction().get("bob"));
    }

    @Test
    void aMemberWithoutAnAccountIsRefused() {
        var e = assertThrows(UnknownMemberException.class, () -> groups.recommend(request(List.of("ann", "zed"), GroupStrategy.AVERAGE, 5)));
        assertEquals("zed", e.userId());
    }

    @Test
    void withoutSeedsAndWithoutHistoryThereIsNothingToStartFrom() {
        assertThrows(NoSeedException.class, () -> groups.recommend(request(List.of("cyd"), GroupStrategy.AVERAGE, 5)));
    }

    @Test
    void tracksAFallbackProposedAreCountedAsItsOwn() {
        var catalog = TestCatalog.of(tracks);
        var history = PersonalisedRecommendationTest.history(Map.of("ann", List.of("j0"), "bob", List.of("m0")), Map.of());
        var withFallback = new DefaultGroupRecommendations(ServiceForTests.proposingEverything(catalog, tracks.keySet(), history,
                id -> id.startsWith("m") ? "feature-knn" : null), catalog);
        withFallback.history = history;
        var answer = withFallback.recommend(request(List.of("ann", "bob"), GroupStrategy.FAIRNESS, 6));
        long metal = answer.tracks().stream().filter(t -> t.track().id().startsWith("m")).count();
        assertTrue(metal > 0 && metal < answer.tracks().size(), "both tastes are served: " + answer.tracks());
        for (GroupRecommendation track : answer.tracks()) {
            assertEquals(track.track().id().startsWith("m") ? "feature-knn" : null, track.source(), track.track().id());
        }
        assertEquals(Map.of("feature-knn", (int) metal), answer.fallbacks());
        assertEquals((int) (answer.tracks().size() - metal), answer.producers().get("everything"));
    }
}
