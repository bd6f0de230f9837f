package org.audotics.recommendation.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audotics.catalog.api.Track;

/**
 * One track of a group's answer, and for whom it is.
 *
 * @param track        the catalog track
 * @param score        the group's score by the strategy, 0..1
 * @param satisfaction every member's satisfaction with the track, 0..1, in member order
 * @param forWhom      the members it was chosen for: those whose satisfaction is at least
 *                     {@link GroupStrategy#MISERY_THRESHOLD}, or the most satisfied one when nobody is; for
 *                     {@link GroupStrategy#FAIRNESS} the member whose turn it was comes first
 * @param source       who proposed the track when not the answering engine's own ranking (a fallback, as in
 *                     {@link Recommendation#source()}), else null (since 1.6)
 * @since 1.2
 */
public record GroupRecommendation(Track track, double score, Map<String, Double> satisfaction, List<String> forWhom,
        String source) {

    public GroupRecommendation {
        Objects.requireNonNull(track, "track");
        if (source != null && source.isBlank()) {
            throw new IllegalArgumentException("a source must not be blank");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, was " + score);
        }
        satisfaction = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(satisfaction));
        forWhom = List.copyOf(forWhom);
    }

    /** A track of the engine's own ranking (the 1.2 constructor). */
    public GroupRecommendation(Track track, double score, Map<String, Double> satisfaction, List<String> forWhom) {
        this(track, score, satisfaction, forWhom, null);
    }
}
