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
     * @param request the request; its seeds are checked against the catalog here
     * @param limit   1..{@value #MAX_LIMIT}
     * @throws UnknownSeedException when a seed does not exist in the catalog
     * @throws NoEngineException    when no engine is registered, or the active one is not ready yet
     *                              ({@link EngineNotReadyException})
     */
    Recommendations recommend(RecommendationRequest request, int limit);

    /**
     * @return the engine the next call will use
     * @throws NoEngineException when no engine is registered
     */
    EngineInfo activeEngine();
}
