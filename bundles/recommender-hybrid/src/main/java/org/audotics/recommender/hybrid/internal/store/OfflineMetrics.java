package org.audotics.recommender.hybrid.internal.store;

/**
 * How well a model ranked, measured when it was trained: a model trained on the training data minus a per-user
 * holdout ranks every track for each held-out user (their remaining tracks excluded) and is scored on the holdout.
 *
 * @param ndcgAt10       mean binary NDCG of the top 10, in [0, 1]
 * @param recallAt20     mean share of a user's held-out tracks in the top 20 (of at most 20), in [0, 1]
 * @param coverageAt10   share of the catalog's trained tracks shown in anyone's top 10, in [0, 1]
 * @param evaluatedUsers users with a holdout, at least 1
 */
public record OfflineMetrics(double ndcgAt10, double recallAt20, double coverageAt10, int evaluatedUsers) {

    public OfflineMetrics {
        if (!inUnit(ndcgAt10) || !inUnit(recallAt20) || !inUnit(coverageAt10) || evaluatedUsers < 1) {
            throw new IllegalArgumentException("metrics must be in [0, 1] over at least one user");
        }
    }

    private static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }
}
