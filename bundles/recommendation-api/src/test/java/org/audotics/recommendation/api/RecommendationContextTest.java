package org.audotics.recommendation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationContextTest {

    @Test
    void theConstructorsOfVersionOneMeanNoCallerAndNoExplanation() {
        var request = new RecommendationRequest(List.of("s"), List.of(), List.of(), Map.of(), null);
        assertEquals(RecommendationContext.NONE, request.context());
        assertEquals(Explanation.NONE, new ScoredTrack("t", 0.5).explanation());
    }

    @Test
    void onlyAListenersRequestMayHaveNoSeed() {
        assertThrows(InvalidRecommendationRequestException.class,
                () -> new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null));
        var personal = RecommendationContext.NONE.withCaller(Caller.user("u1"));
        assertTrue(new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null, personal).hasNoSeed());
    }

    @Test
    void aCallerRefusesRepeatsStrangersAndBadWeights() {
        assertEquals(1.0, Caller.group(List.of("a", "b"), Map.of("b", 2.0)).weight("a"));
        assertEquals(2.0, Caller.group(List.of("a", "b"), Map.of("b", 2.0)).weight("b"));
        assertThrows(InvalidRecommendationRequestException.class, () -> Caller.group(List.of("a", "a"), Map.of()));
        assertThrows(InvalidRecommendationRequestException.class, () -> Caller.group(List.of("a"), Map.of("z", 1.0)));
        assertThrows(InvalidRecommendationRequestException.class, () -> Caller.group(List.of("a"), Map.of("a", -1.0)));
        assertThrows(InvalidRecommendationRequestException.class, () -> Caller.group(List.of("a"), Map.of("a", Double.NaN)));
        List<String> many = java.util.stream.IntStream.range(0, Caller.MAX_MEMBERS + 1).mapToObj(i -> "u" + i).toList();
        assertThrows(InvalidRecommendationRequestException.class, () -> Caller.group(many, Map.of()));
    }

    @Test
    void numbersOutOfRangeAreBadRequests() {
        assertThrows(InvalidRecommendationRequestException.class, () -> new RecommendationContext(Caller.ANONYMOUS,
                Exclusions.NONE, -1, 0.5, false, AlreadyHeard.ALLOW, Map.of()));
        assertThrows(InvalidRecommendationRequestException.class, () -> new RecommendationContext(Caller.ANONYMOUS,
                Exclusions.NONE, 0, 1.5, false, AlreadyHeard.ALLOW, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Explanation(List.of(), Map.of("sound", 1.2)));
    }

    @Test
    void exclusionsCoverTracksArtistsAndBans() {
        var exclusions = new Exclusions(Set.of("t1"), Set.of("a1"), Set.of("b1"));
        assertTrue(exclusions.excludes("t1", List.of()));
        assertTrue(exclusions.excludes("b1", List.of()));
        assertTrue(exclusions.excludes("x", List.of("a2", "a1")));
        assertEquals(false, exclusions.excludes("x", List.of("a2")));
    }

    @Test
    void aGroupNeedsAMemberWhoCounts() {
        var request = new RecommendationRequest(List.of("s"), List.of(), List.of(), Map.of(), null);
        assertThrows(InvalidRecommendationRequestException.class,
                () -> new GroupRequest(Caller.ANONYMOUS, GroupStrategy.AVERAGE, request, 20));
        assertThrows(InvalidRecommendationRequestException.class,
                () -> new GroupRequest(Caller.group(List.of("a"), Map.of("a", 0.0)), GroupStrategy.AVERAGE, request, 20));
        assertEquals(GroupStrategy.AVERAGE_WITHOUT_MISERY, GroupStrategy.fromWireName("average_without_misery").orElseThrow());
    }
}
