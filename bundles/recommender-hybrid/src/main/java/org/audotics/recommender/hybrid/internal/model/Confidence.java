package org.audotics.recommender.hybrid.internal.model;

/**
 * From what a listener did with a track to the signed confidence iALS trains on.
 *
 * <p><b>Strength.</b> The events of one (listener, track) pair are summed by their history weight
 * ({@code org.audotics.history.api.EventType#weight}: a play counts its completion {@code min(1, played/duration)},
 * a skip −0.5, a like +2, an unlike −2, a ban −4; a saved track, when the trainer is given saves, counts as a
 * like). So ten full plays are 10, a play abandoned at a third is 0.33, a like is worth two full plays, and a
 * skip takes half a play back.
 *
 * <p><b>Confidence.</b> {@code c(s) = sign(s) · (1 + α · ln(1 + |s| / ε))}, 0 for s = 0: log-scaled, so a
 * listener's 5 000 plays of one artist do not drown the 20 others they played (Last.fm play counts span 1 to
 * 350 000). A positive confidence is a "listened" cell (target 1) of that weight, a negative one a "rejected"
 * cell (target 0) of that weight ({@link ImplicitAls}). α = 0 gives the binary model with unit weights.
 *
 * <p>The graph walk ({@link Rp3Beta}) uses only positive strengths: {@link #graphStrength}.
 *
 * @param alpha   α, at least 0
 * @param epsilon ε, above 0: the strength at which the log term reaches ln 2
 */
public record Confidence(double alpha, double epsilon) {

    public Confidence {
        if (!(alpha >= 0) || !(epsilon > 0)) {
            throw new IllegalArgumentException("confidence needs α ≥ 0 and ε > 0");
        }
    }

    /** The signed confidence of a summed strength. */
    public float of(double strength) {
        if (strength == 0 || Double.isNaN(strength)) {
            return 0;
        }
        double c = 1 + alpha * Math.log1p(Math.abs(strength) / epsilon);
        return (float) Math.copySign(c, strength);
    }

    /**
     * The weight of a (listener, track) cell in the graph walk: 0 for a net strength of 0 or less, else 1
     * ({@code logScaled} false: the binary walk of Paudel et al.) or {@code ln(1 + s/ε)} ({@code logScaled} true).
     */
    public float graphStrength(double strength, boolean logScaled) {
        if (!(strength > 0)) {
            return 0;
        }
        return logScaled ? (float) Math.log1p(strength / epsilon) : 1f;
    }
}
