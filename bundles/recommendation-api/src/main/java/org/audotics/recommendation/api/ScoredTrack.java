package org.audotics.recommendation.api;

import java.util.Objects;

/**
 * A recommended track, as an engine answers it.
 *
 * @param trackId     catalog track id, never null
 * @param score       how well it fits the request, 0..1, higher is better
 * @param explanation why (since 1.2); {@link Explanation#NONE} when the engine explains nothing
 */
public record ScoredTrack(String trackId, double score, Explanation explanation) {

    public ScoredTrack {
        Objects.requireNonNull(trackId, "trackId");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, was " + score);
        }
        Objects.requireNonNull(explanation, "explanation");
    }

    /** A track without explanation, as engines built against 1.0 answer. */
    public ScoredTrack(String trackId, double score) {
        this(trackId, score, Explanation.NONE);
    }
}
