package org.audotics.recommendation.api;

/**
 * How well a model ranked on a per-user holdout of its own training data, measured when it was trained: a model
 * trained without the held-out part ranks every track for each held-out listener (their other tracks left out).
 *
 * @param ndcgAt10       mean binary NDCG of the top 10, in [0, 1]
 * @param recallAt20     mean share of a listener's held-out tracks (of at most 20) found in the top 20, in [0, 1]
 * @param coverageAt10   share of the model's tracks shown in any evaluated listener's top 10, in [0, 1]
 * @param evaluatedUsers listeners evaluated, at least 1
 * @since 1.4
 */
public record ModelMetrics(double ndcgAt10, double recallAt20, double coverageAt10, int evaluatedUsers) {

    public ModelMetrics {
        if (!inUnit(ndcgAt10) || !inUnit(recallAt20) || !inUnit(coverageAt10) || evaluatedUsers < 1) {
            throw new IllegalArgumentException("metrics must be in [0, 1] over at least one listener");
        }
    }

    private static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }
}
