package org.audotics.recommendation.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audotics.catalog.api.Track;

/**
 * What a client asked for: seeds and attribute bounds, as in Spotify's {@code GET /v1/recommendations}.
 *
 * @param seedTrackIds  catalog track ids
 * @param seedArtistIds catalog artist ids
 * @param seedGenres    lower-case genre names
 * @param bounds        attribute bounds, at most one per attribute
 * @param market        ISO 3166-1 alpha-2 country code, or null
 * @throws IllegalArgumentException when there is no seed or more than {@link #MAX_SEEDS} in all
 */
public record RecommendationRequest(
        List<String> seedTrackIds,
        List<String> seedArtistIds,
        List<String> seedGenres,
        Map<TunableAttribute, AttributeBounds> bounds,
        String market) {

    /** Seeds of all kinds together, at most. */
    public static final int MAX_SEEDS = 5;

    public RecommendationRequest {
        seedTrackIds = List.copyOf(seedTrackIds);
        seedArtistIds = List.copyOf(seedArtistIds);
        seedGenres = List.copyOf(seedGenres);
        int seeds = seedTrackIds.size() + seedArtistIds.size() + seedGenres.size();
        if (seeds == 0) {
            throw new IllegalArgumentException("at least one of seed_tracks, seed_artists, seed_genres is required");
        }
        if (seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("at most " + MAX_SEEDS + " seeds in all are allowed, got " + seeds);
        }
        Objects.requireNonNull(bounds, "bounds");
        var copy = new EnumMap<TunableAttribute, AttributeBounds>(TunableAttribute.class);
        bounds.forEach((attribute, bound) -> {
            if (bound.attribute() != attribute) {
                throw new IllegalArgumentException("bounds for " + bound.attribute() + " filed under " + attribute);
            }
            copy.put(attribute, bound);
        });
        bounds = Map.copyOf(copy);
    }

    /**
     * Whether a track satisfies every {@code min_} and {@code max_} bound of this request. A track without
     * audio features fails every bound on an audio feature.
     */
    public boolean admits(Track track) {
        for (AttributeBounds bound : bounds.values()) {
            if ((bound.min() != null || bound.max() != null)
                    && !bound.attribute().valueOf(track).map(bound::admits).orElse(false)) {
                return false;
            }
        }
        return true;
    }
}
