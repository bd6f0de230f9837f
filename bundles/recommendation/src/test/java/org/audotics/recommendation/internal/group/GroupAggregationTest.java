package org.audotics.recommendation.internal.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.audotics.recommendation.api.GroupStrategy;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases, chosen so that every strategy gives a different order: each would fail if the strategy
 * were another one.
 *
 * <pre>
 *            w     x     y     z
 *   A      0.9   1.0   0.6   0.2
 *   B      0.5   0.3   0.55  0.8
 *   mean   0.7   0.65  0.575 0.5
 *   min    0.5   0.3   0.55  0.2
 * </pre>
 */
class GroupAggregationTest {

    private static final List<String> IDS = List.of("w", "x", "y", "z");
    private static final double[][] SATISFACTION = {{0.9, 1.0, 0.6, 0.2}, {0.5, 0.3, 0.55, 0.8}};
    private static final double[] EQUAL = {1, 1};

    private static List<String> order(GroupStrategy strategy, double[] weights) {
        return GroupAggregation.order(strategy, SATISFACTION, weights, IDS, 4, c -> true).stream()
                .map(pick -> IDS.get(pick.candidate())).toList();
    }

    @Test
    void averageRanksByTheMeanSatisfaction() {
        assertEquals(List.of("w", "x", "y", "z"), order(GroupStrategy.AVERAGE, EQUAL));
        assertEquals(0.7, GroupAggregation.order(GroupStrategy.AVERAGE, SATISFACTION, EQUAL, IDS, 1, c -> true).get(0).score(), 1e-9);
    }

    @Test
    void averageHonoursWeights() {
        // weights 3:1 -> w (2.7+0.5)/4 = 0.8, x (3+0.3)/4 = 0.825, y 0.5875, z 0.35
        assertEquals(List.of("x", "w", "y", "z"), order(GroupStrategy.AVERAGE, new double[] {3, 1}));
    }

    @Test
    void leastMiseryRanksByTheUnhappiestMember() {
        assertEquals(List.of("y", "w", "x", "z"), order(GroupStrategy.LEAST_MISERY, EQUAL));
    }

    @Test
    void leastMiseryIgnoresMembersOfWeightZero() {
        assertEquals(List.of("x", "w", "y", "z"), order(GroupStrategy.LEAST_MISERY, new double[] {1, 0}));
    }

    @Test
    void averageWithoutMiseryPutsTracksThatMakeSomeoneMiserableLast() {
        // w and y leave nobody below 0.5: by mean w, y; then x (0.65) and z (0.5)
        assertEquals(List.of("w", "y", "x", "z"), order(GroupStrategy.AVERAGE_WITHOUT_MISERY, EQUAL));
    }

    @Test
    void fairnessGivesTheNextTrackToTheLeastSatisfiedMember() {
        // S = (0, 0): A's turn (first) -> x (1.0); S = (1.0, 0.3): B's -> z (0.8); S = (1.2, 1.1): B's -> y (0.55);
        // S = (1.8, 1.65): B's -> w
        var picks = GroupAggregation.order(GroupStrategy.FAIRNESS, SATISFACTION, EQUAL, IDS, 4, c -> true);
        assertEquals(List.of("x", "z", "y", "w"), picks.stream().map(pick -> IDS.get(pick.candidate())).toList());
        assertEquals(List.of(0, 1, 1, 1), picks.stream().map(GroupAggregation.Pick::turn).toList());
        assertEquals(0.65, picks.get(0).score(), 1e-9, "the score answered is the mean");
    }

    @Test
    void fairnessCountsSatisfactionRelativeToWeight() {
        // weights 2:1: A -> x; S/w = (0.5, 0.3): B -> z; S/w = (0.6, 1.1): A -> w (0.9); S/w = (1.05, 1.6): A -> y
        assertEquals(List.of("x", "z", "w", "y"), order(GroupStrategy.FAIRNESS, new double[] {2, 1}));
    }

    @Test
    void aCandidateRefusedByTheCallerIsSkipped() {
        assertEquals(List.of("w", "y", "z"), GroupAggregation.order(GroupStrategy.AVERAGE, SATISFACTION, EQUAL, IDS, 4,
                c -> !IDS.get(c).equals("x")).stream().map(pick -> IDS.get(pick.candidate())).toList());
        assertEquals(List.of("x", "z", "w"), GroupAggregation.order(GroupStrategy.FAIRNESS, SATISFACTION, EQUAL, IDS, 4,
                c -> !IDS.get(c).equals("y")).stream().map(pick -> IDS.get(pick.candidate())).toList());
    }

    @Test
    void forWhomNamesTheMemberWhoseTurnItWasFirstThenTheSatisfied() {
        var pick = new GroupAggregation.Pick(3, 0.5, 1); // z on B's turn: A 0.2, B 0.8
        assertEquals(List.of("b"), DefaultGroupRecommendations.forWhom(List.of("a", "b"), EQUAL, SATISFACTION, pick));
        var average = new GroupAggregation.Pick(0, 0.7, -1); // w: A 0.9, B 0.5
        assertEquals(List.of("a", "b"), DefaultGroupRecommendations.forWhom(List.of("a", "b"), EQUAL, SATISFACTION, average));
        var nobody = new GroupAggregation.Pick(1, 0.65, -1);
        double[][] low = {{0.1, 0.3}, {0.2, 0.4}};
        assertEquals(List.of("b"), DefaultGroupRecommendations.forWhom(List.of("a", "b"), EQUAL, low, nobody));
    }
}
