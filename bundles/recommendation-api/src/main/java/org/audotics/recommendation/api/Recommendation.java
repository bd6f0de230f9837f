package org.audotics.recommendation.api;

import java.util.Objects;
import org.audotics.catalog.api.Track;

/**
 * One recommended track.
 *
 * @param track       the catalog track, never null
 * @param score       how well it fits the request, 0..1, higher is better
 * @param explanation why (since 1.2): the engine's, {@link Explanation#NONE} when it explains nothing or was not asked
 * @param source      who produced it when not the answering engine's own ranking ({@link ScoredTrack#source()}, since
 *                    1.5), null when the engine itself did
 */
public record Recommendation(Track track, double score, Explanation explanation, String source) {

    public Recommendation {
        Objects.requireNonNull(track, "track");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, was " + score);
        }
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Produced by the answering engine itself, as in 1.2 to 1.4. */
    public Recommendation(Track track, double score, Explanation explanation) {
        this(track, score, explanation, null);
    }

    /** Without explanation, as in 1.0. */
    public Recommendation(Track track, double score) {
        this(track, score, Explanation.NONE);
    }
}
