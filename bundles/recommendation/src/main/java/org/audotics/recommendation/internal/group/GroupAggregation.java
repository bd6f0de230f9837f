package org.audotics.recommendation.internal.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.audotics.recommendation.api.GroupStrategy;

/**
 * The {@link GroupStrategy strategies} over a matrix of satisfactions: {@code satisfaction[m][c]} is member
 * {@code m}'s with candidate {@code c}, in [0, 1]. Pure arithmetic, so each strategy is checked by hand-computed
 * cases; the rules are those of the {@link GroupStrategy} javadoc.
 */
final class GroupAggregation {

    /** A chosen candidate, its group score, and whose turn it was ({@link GroupStrategy#FAIRNESS}; else -1). */
    record Pick(int candidate, double score, int turn) {
    }

    private GroupAggregation() {
    }

    /**
     * @param weights   each member's weight, at least 0, at least one above 0
     * @param ids       the candidates' ids (the last tie-break)
     * @param limit     the most candidates to pick
     * @param admissible asked once per candidate about to be picked, in pick order, with the picks so far taken into
     *                  account by the caller (the artist cap); false skips the candidate for good
     */
    static List<Pick> order(GroupStrategy strategy, double[][] satisfaction, double[] weights, List<String> ids,
            int limit, IntPredicate admissible) {
        int candidates = ids.size();
        double[] average = new double[candidates];
        for (int c = 0; c < candidates; c++) {
            average[c] = weightedAverage(satisfaction, weights, c);
        }
        if (strategy == GroupStrategy.FAIRNESS) {
            return fair(satisfaction, weights, ids, average, limit, admissible);
        }
        double[] score = new double[candidates];
        boolean[] miserable = new boolean[candidates];
        for (int c = 0; c < candidates; c++) {
            double least = leastSatisfaction(satisfaction, weights, c);
            score[c] = strategy == GroupStrategy.LEAST_MISERY ? least : average[c];
            miserable[c] = strategy == GroupStrategy.AVERAGE_WITHOUT_MISERY && least < GroupStrategy.MISERY_THRESHOLD;
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            order.add(c);
        }
        order.sort(Comparator.<Integer>comparingInt(c -> miserable[c] ? 1 : 0)
                .thenComparing(c -> -score[c])
                .thenComparing(c -> -average[c])
                .thenComparing(ids::get));
        List<Pick> picks = new ArrayList<>();
        for (int c : order) {
            if (picks.size() == limit) {
                break;
            }
            if (admissible.test(c)) {
                picks.add(new Pick(c, clamp(score[c]), -1));
            }
        }
        return picks;
    }

    private static List<Pick> fair(double[][] satisfaction, double[] weights, List<String> ids, double[] average,
            int limit, IntPredicate admissible) {
        int members = weights.length;
        double[] cumulative = new double[members];
        boolean[] used = new boolean[ids.size()];
        List<Pick> picks = new ArrayList<>();
        while (picks.size() < limit) {
            int turn = -1;
            for (int m = 0; m < members; m++) {
                if (weights[m] > 0 && (turn < 0 || cumulative[m] / weights[m] < cumulative[turn] / weights[turn])) {
                    turn = m;
                }
            }
            int best = -1;
            for (int c = 0; c < ids.size(); c++) {
                if (!used[c] && (best < 0 || better(satisfaction[turn][c], average[c], ids.get(c),
                        satisfaction[turn][best], average[best], ids.get(best)))) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            if (!admissible.test(best)) {
                continue;
            }
            for (int m = 0; m < members; m++) {
                cumulative[m] += satisfaction[m][best];
            }
            picks.add(new Pick(best, clamp(average[best]), turn));
        }
        return picks;
    }

    private static boolean better(double gain, double average, String id, double bestGain, double bestAverage, String bestId) {
        if (gain != bestGain) {
            return gain > bestGain;
        }
        if (average != bestAverage) {
            return average > bestAverage;
        }
        return id.compareTo(bestId) < 0;
    }

    static double weightedAverage(double[][] satisfaction, double[] weights, int candidate) {
        double sum = 0;
        double total = 0;
        for (int m = 0; m < weights.length; m++) {
            sum += weights[m] * satisfaction[m][candidate];
            total += weights[m];
        }
        return total == 0 ? 0 : sum / total;
    }

    /** The lowest satisfaction among the members who count (weight above 0). */
    static double leastSatisfaction(double[][] satisfaction, double[] weights, int candidate) {
        double least = 1;
        for (int m = 0; m < weights.length; m++) {
            if (weights[m] > 0) {
                least = Math.min(least, satisfaction[m][candidate]);
            }
        }
        return least;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
