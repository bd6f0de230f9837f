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

    /**
     * @param request the request; its seeds are checked against the catalog here
     * @param limit   1..100
     * @throws UnknownSeedException when a seed does not exist in the catalog
     * @throws NoEngineException    when no engine is registered
     */
    Recommendations recommend(RecommendationRequest request, int limit);

    /**
     * @return the engine the next call will use
     * @throws NoEngineException when no engine is registered
     */
    EngineInfo activeEngine();
}
