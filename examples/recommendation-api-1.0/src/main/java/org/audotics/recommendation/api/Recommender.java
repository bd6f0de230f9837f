package org.audotics.recommendation.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A recommendation engine. Implemented by any bundle (ours or a third party's) and registered as an OSGi
 * service; the recommendation bundle calls the one with the highest {@code service.ranking} (or the one
 * its configuration targets), and switches to a new one without a restart when engines come and go.
 *
 * <p><b>Service properties</b>
 * <ul>
 *   <li>{@link #NAME} ({@code String}, required): short engine name shown by {@code GET /v1/recommender},
 *       e.g. {@code "feature-knn"};</li>
 *   <li>{@link #DESCRIPTION} ({@code String}, optional): one sentence for people;</li>
 *   <li>{@code service.ranking} ({@code Integer}, optional, default 0): the built-in engine ranks -100,
 *       so any engine registered with the default ranking takes over.</li>
 * </ul>
 *
 * <p><b>Contract.</b> Called concurrently from many request threads: must be thread-safe, and should
 * answer within about 100 ms for a catalog of 100 000 tracks. The request is already validated: seeds
 * exist in the catalog, bounds are in range. Return at most {@code limit} tracks that satisfy every
 * {@code min}/{@code max} bound, best first, never a seed track itself, each track once, scores in
 * [0, 1]; an empty list (never null) when nothing fits. An engine being stopped may still receive calls
 * for requests already in flight: it must either answer them or throw; the service then retries the
 * request on the engine that replaced it.
 */
@ConsumerType
public interface Recommender {

    /** Service property: the engine's name, {@code String}, required. */
    String NAME = "recommender.name";

    /** Service property: one-sentence description, {@code String}, optional. */
    String DESCRIPTION = "recommender.description";

    /**
     * @param request validated request
     * @param limit   1..100
     * @return up to {@code limit} tracks, best first
     */
    List<ScoredTrack> recommend(RecommendationRequest request, int limit);
}
