package org.audotics.recommendation.api;

import java.util.Objects;

/**
 * A recommended track, as an engine answers it.
 *
 * @param trackId     catalog track id, never null
 * @param score       how well it fits the request, 0..1, higher is better
 * @param explanation why (since 1.2); {@link Explanation#NONE} when the engine explains nothing
 * @param source      who produced the track when it is not the engine's own ranking (since 1.5): the
 *                    {@link Recommender#NAME} of another engine it asked (e.g. {@code "feature-knn"}) or a short name of
 *                    its own fallback part (e.g. {@code "hybrid-content"}); null, as engines built before 1.5 answer,
 *                    when the engine itself produced it. Reported in the {@code Audotics-Engine-Fallback} header.
 */
public record ScoredTrack(String trackId, double score, Explanation explanation, String source) {

    public ScoredTrack {
        Objects.requireNonNull(trackId, "trackId");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, was " + score);
        }
        Objects.requireNonNull(explanation, "explanation");
        if (source != null && source.isBlank()) {
            throw new IllegalArgumentException("a source must not be blank");
        }
    }

    /** A track the engine itself produced, as engines built against 1.2 to 1.4 answer. */
    public ScoredTrack(String trackId, double score, Explanation explanation) {
        this(trackId, score, explanation, null);
    }

    /** A track without explanation, as engines built against 1.0 answer. */
    public ScoredTrack(String trackId, double score) {
        this(trackId, score, Explanation.NONE);
    }

    /**
     * This track as produced by {@code source}, unless it already names one (a fallback's own fallback keeps its name).
     *
     * @since 1.5
     */
    public ScoredTrack producedBy(String source) {
        return this.source != null ? this : new ScoredTrack(trackId, score, explanation, source);
    }
}
