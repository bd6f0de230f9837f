package org.audotics.recommendation.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Serves recommendations through the active {@link Recommender}.
 *
 * <p>Provided by the recommendation bundle; called by REST resources and group sessions, concurrently.
 * Each call uses one engine from start to end. When that engine is withdrawn while the call runs and
 * fails, the call is retried once on the engine that replaced it, so replacing an engine fails no request.
 */
@ProviderType
public interface RecommendationService {

    /** Most tracks one {@link #recommend} call (and one {@code GET /v1/recommendations}) may ask for, as in Spotify's API. */
    int MAX_LIMIT = 100;

    /** Tracks a {@code GET /v1/recommendations} without {@code limit} gets, as in Spotify's API. */
    int DEFAULT_LIMIT = 20;

    /**
     * Recommends for the request's context (since 1.2): when its caller is one listener and its taste is empty,
     * the taste and bans are read from their history (when a history service runs); a request without seeds is
     * seeded with the listener's most played tracks. The answer, whichever engine gave it, holds no excluded or
     * banned track, no track of an excluded artist, at most {@code maxPerArtist} tracks credited to one artist,
     * only tracks within the {@code min}/{@code max} bounds, no seed, each track once, at most {@code limit}.
     *
     * @param request the request; its seeds are checked against the catalog here
     * @param limit   1..{@value #MAX_LIMIT}
     * @throws UnknownSeedException when a seed does not exist in the catalog
     * @throws NoSeedException     when the request has no seed and the listener has no history to seed it with
     *                              (since 1.2)
     * @throws NoEngineException    when no engine is registered, or the active one is not ready yet
     *                              ({@link EngineNotReadyException})
     */
    Recommendations recommend(RecommendationRequest request, int limit);

    /**
     * The tracks most like one track ({@code GET /v1/tracks/{id}/similar}): from the active engine's
     * {@link SimilarityRecommender#similar} when it has that capability, otherwise from its
     * {@link Recommender#recommend} with the track as the only seed. For one listener the bans (and taste, for the
     * already-heard policy) are read as for {@link #recommend}; the answer holds the same guarantees: no excluded or
     * banned track, no track of an excluded artist, the artist cap, never the track itself, each track once, at most
     * {@code limit}, most similar first.
     *
     * @param trackId a catalog track id
     * @param market  an ISO 3166-1 alpha-2 code or {@code from_token}, or null
     * @param limit   1..{@value #MAX_LIMIT}
     * @throws UnknownSeedException     when the track does not exist in the catalog
     * @throws IllegalArgumentException when the limit is out of range
     * @throws NoEngineException        when no engine is registered, or the active one is not ready yet
     * @since 1.3
     */
    Recommendations similar(String trackId, RecommendationContext context, String market, int limit);

    /**
     * @return the engine the next call will use
     * @throws NoEngineException when no engine is registered
     */
    EngineInfo activeEngine();
}
