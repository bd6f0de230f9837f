package org.audotics.recommender.hybrid.internal.model;

/**
 * How {@link HybridModel} mixes its signals for one list: each signal is divided by its largest value over the
 * candidates (so a user's best item scores 1 on it), then
 * <pre>
 *   score_j = factorWeight · als_j / max als  +  graphWeight · graph_j / max graph  −  popularityPenalty · ln(1 + users_j) / ln(1 + max users)
 * </pre>
 * The penalty is the popularity-debiasing term: it trades a little accuracy on popular items for catalog coverage.
 *
 * @param factorWeight      weight of the iALS score, at least 0
 * @param graphWeight       weight of the RP3β score, at least 0
 * @param popularityPenalty weight of the popularity term, any sign (negative favours popular items)
 */
public record Blend(double factorWeight, double graphWeight, double popularityPenalty) {

    public Blend {
        if (!(factorWeight >= 0) || !(graphWeight >= 0) || Double.isNaN(popularityPenalty) || factorWeight + graphWeight == 0) {
            throw new IllegalArgumentException("blend weights must be at least 0 and not both 0");
        }
    }

    @Override
    public String toString() {
        return "als×" + factorWeight + " + rp3β×" + graphWeight + " − pop×" + popularityPenalty;
    }
}
