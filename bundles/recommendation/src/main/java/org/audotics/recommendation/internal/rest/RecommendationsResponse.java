package org.audotics.recommendation.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.audotics.catalog.api.TrackObject;

/**
 * Spotify's recommendations response. The seed object keeps Spotify's camelCase field names (its own
 * exception to snake_case), so existing clients parse it. The pool sizes report the number of tracks in
 * this answer: the engine SPI does not expose candidate pools per seed. A genre seed has no {@code href}:
 * the field is left out rather than null, which Spotify's schema does not allow for it. The tracks are
 * {@link TrackObject}s, or {@link RecommendedTrack}s (a track object with our {@code explanation}) when asked to explain.
 */
record RecommendationsResponse(List<Seed> seeds, List<?> tracks) {

    record Seed(
            @JsonProperty("afterFilteringSize") int afterFilteringSize,
            @JsonProperty("afterRelinkingSize") int afterRelinkingSize,
            @JsonProperty("href") @JsonInclude(JsonInclude.Include.NON_NULL) String href,
            @JsonProperty("id") String id,
            @JsonProperty("initialPoolSize") int initialPoolSize,
            @JsonProperty("type") String type) {
    }
}
