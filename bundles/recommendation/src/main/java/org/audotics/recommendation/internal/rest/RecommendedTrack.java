package org.audotics.recommendation.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.TrackObject;
import org.audotics.recommendation.api.Explanation;

/**
 * A track object with our additions beside Spotify's fields: {@code explanation} ({@code explain=true}; its
 * {@code engine} names who produced the track: the answering engine, or the fallback it passed the track's part to) and, in a
 * group's answer, {@code group} (the score and each member's satisfaction). A field not asked for is left out.
 */
final class RecommendedTrack {

    private final TrackObject track;
    private final ExplanationBody explanation;
    private final GroupBody group;

    RecommendedTrack(TrackObject track, Explanation explanation, GroupBody group) {
        this(track, explanation, null, group);
    }

    /** With {@code explanation.engine}: who produced the track (the answering engine, or the fallback that did). */
    RecommendedTrack(TrackObject track, Explanation explanation, String engine, GroupBody group) {
        this.track = track;
        this.explanation = explanation == null ? null : new ExplanationBody(explanation.reasons(), explanation.signals(), engine);
        this.group = group;
    }

    @JsonUnwrapped
    public TrackObject getTrack() {
        return track;
    }

    @JsonProperty("explanation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public ExplanationBody getExplanation() {
        return explanation;
    }

    @JsonProperty("group")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public GroupBody getGroup() {
        return group;
    }

    record ExplanationBody(List<String> reasons, Map<String, Double> signals,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String engine) {
    }

    /** {@code for}: the members the track was chosen for; {@code satisfaction}: every member's, 0..1. */
    record GroupBody(double score, Map<String, Double> satisfaction, @JsonProperty("for") List<String> forWhom) {
    }
}
