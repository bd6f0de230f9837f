package org.audotics.recommender.hybrid.internal.model;

/**
 * How {@link HybridModel} mixes its signals for one list. The iALS score is first debiased per item,
 * {@code als'_j = als_j · (1 + users_j)^−factorPopularityExponent} (γ = 0: unchanged; RP3β's β does the same for the
 * graph part inside the walk), then each signal is divided by its largest value over the candidates (so a user's
 * best item scores 1 on it), and
 * <pre>
 *   score_j = factorWeight · als'_j / max als'  +  graphWeight · graph_j / max graph  −  popularityPenalty · ln(1 + users_j) / ln(1 + max users)
 * </pre>
 * Both the exponent and the penalty trade a little accuracy on popular items for catalog coverage; the per-item
 * exponent is the cheaper of the two on the Last.fm data (docs/recommender.md).
 *
 * @param factorWeight             weight of the iALS score, at least 0
 * @param graphWeight              weight of the RP3β score, at least 0
 * @param popularityPenalty        weight of the popularity term, any sign (negative favours popular items)
 * @param factorPopularityExponent γ, the popularity exponent dividing each item's iALS score, at least 0
 */
public record Blend(double factorWeight, double graphWeight, double popularityPenalty, double factorPopularityExponent) {

    public Blend {
        if (!(factorWeight >= 0) || !(graphWeight >= 0) || Double.isNaN(popularityPenalty) || factorWeight + graphWeight == 0) {
            throw new IllegalArgumentException("blend weights must be at least 0 and not both 0");
        }
        if (!(factorPopularityExponent >= 0) || Double.isInfinite(factorPopularityExponent)) {
            throw new IllegalArgumentException("the factor popularity exponent must be a finite number at least 0");
        }
    }

    /** A blend without per-item debiasing of the iALS score (γ = 0). */
    public Blend(double factorWeight, double graphWeight, double popularityPenalty) {
        this(factorWeight, graphWeight, popularityPenalty, 0);
    }

    @Override
    public String toString() {
        return "als×" + factorWeight + (factorPopularityExponent > 0 ? "/(1+pop)^" + factorPopularityExponent : "")
                + " + rp3β×" + graphWeight + " − pop×" + popularityPenalty;
    }
}
