package org.audotics.recommendation.api;

import java.util.Objects;

/**
 * A recommended track.
 *
 * @param trackId catalog track id, never null
 * @param score   how well it fits the request, 0..1, higher is better
 */
public record ScoredTrack(String trackId, double score) {

    public ScoredTrack {
        Objects.requireNonNull(trackId, "trackId");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, was " + score);
        }
    }
}
