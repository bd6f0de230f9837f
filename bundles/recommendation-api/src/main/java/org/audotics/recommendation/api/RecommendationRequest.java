package org.audotics.recommendation.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.audotics.catalog.api.Track;

/**
 * What a client asked for: seeds and attribute bounds, as in Spotify's {@code GET /v1/recommendations}, and
 * (since 1.2) who asks and what to leave out ({@link #context()}).
 *
 * @param seedTrackIds  catalog track ids
 * @param seedArtistIds catalog artist ids
 * @param seedGenres    lower-case genre names
 * @param bounds        attribute bounds, at most one per attribute
 * @param market        ISO 3166-1 alpha-2 country code, or null
 * @param context       the caller, exclusions, artist cap, exploration and explanation wish
 *                      ({@link RecommendationContext#NONE} for a request of version 1.0); since 1.2
 * @throws InvalidRecommendationRequestException when there are more than {@link #MAX_SEEDS} seeds in all, or
 *                                  none while the context's caller is {@link Caller#ANONYMOUS} (a listener's
 *                                  request may have no seed: their taste is the seed)
 */
public record RecommendationRequest(
        List<String> seedTrackIds,
        List<String> seedArtistIds,
        List<String> seedGenres,
        Map<TunableAttribute, AttributeBounds> bounds,
        String market,
        RecommendationContext context) {

    /** Seeds of all kinds together, at most. */
    public static final int MAX_SEEDS = 5;

    public RecommendationRequest {
        seedTrackIds = List.copyOf(seedTrackIds);
        seedArtistIds = List.copyOf(seedArtistIds);
        seedGenres = List.copyOf(seedGenres);
        int seeds = seedTrackIds.size() + seedArtistIds.size() + seedGenres.size();
        Objects.requireNonNull(context, "context");
        if (seeds == 0 && context.caller().isAnonymous()) {
            throw new InvalidRecommendationRequestException("at least one of seed_tracks, seed_artists, seed_genres is required");
        }
        if (seeds > MAX_SEEDS) {
            throw new InvalidRecommendationRequestException("at most " + MAX_SEEDS + " seeds in all are allowed, got " + seeds);
        }
        Objects.requireNonNull(bounds, "bounds");
        var copy = new EnumMap<TunableAttribute, AttributeBounds>(TunableAttribute.class);
        bounds.forEach((attribute, bound) -> {
            if (bound.attribute() != attribute) {
                throw new InvalidRecommendationRequestException("bounds for " + bound.attribute() + " filed under " + attribute);
            }
            copy.put(attribute, bound);
        });
        bounds = Map.copyOf(copy);
    }

    /**
     * A request of version 1.0: no caller, nothing excluded ({@link RecommendationContext#NONE}).
     *
     * @throws InvalidRecommendationRequestException when there is no seed or more than {@link #MAX_SEEDS} in all
     */
    public RecommendationRequest(List<String> seedTrackIds, List<String> seedArtistIds, List<String> seedGenres,
            Map<TunableAttribute, AttributeBounds> bounds, String market) {
        this(seedTrackIds, seedArtistIds, seedGenres, bounds, market, RecommendationContext.NONE);
    }

    /** True when the request names no seed (only a listener's request may): the taste alone is the seed. @since 1.2 */
    public boolean hasNoSeed() {
        return seedTrackIds.isEmpty() && seedArtistIds.isEmpty() && seedGenres.isEmpty();
    }

    /** This request with another context. @since 1.2 */
    public RecommendationRequest withContext(RecommendationContext newContext) {
        return new RecommendationRequest(seedTrackIds, seedArtistIds, seedGenres, bounds, market, newContext);
    }

    /** This request with other seed tracks (the service seeds a seedless request with the listener's taste). @since 1.2 */
    public RecommendationRequest withSeedTracks(List<String> newSeedTrackIds) {
        return new RecommendationRequest(newSeedTrackIds, seedArtistIds, seedGenres, bounds, market, context);
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
