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
 * [0, 1]; an empty list (never null) when nothing fits. Long work (building or training an index) runs off
 * the calling thread: an engine that cannot answer yet throws {@link EngineNotReadyException} at once rather
 * than making the request wait. An engine being stopped may still receive calls
 * for requests already in flight: it must either answer them or throw; the service then retries the
 * request on the engine that replaced it.
 *
 * <p><b>Who is asking (since 1.2).</b> {@link RecommendationRequest#context()} says who the answer is for (an
 * anonymous caller, one listener or a weighted group), the listener's taste read from their history, the tracks
 * and artists to leave out (the listener's bans among them), the most tracks per artist, an {@code exploration}
 * setting and whether to explain. An engine built against 1.0 or 1.1 never reads it and keeps working: the
 * recommendation service asks it for more tracks than it answers (up to {@link RecommendationService#MAX_LIMIT})
 * and then, on <em>every</em> engine's answer, removes excluded and banned tracks, tracks of excluded artists,
 * tracks past the artist cap, tracks outside a {@code min}/{@code max} bound, seeds, duplicates and unknown
 * tracks, and cuts the answer to the client's limit. An engine that reads the context should skip those tracks
 * itself (so its answer is not emptied by the service's filter), personalise from {@code caller}/{@code taste},
 * honour {@code exploration} (0: favour what the listener knows, 1: what is new to them) and, when
 * {@code explain} is set, fill {@link ScoredTrack#explanation()}. The request an engine receives always has at
 * least one seed: for a listener who gave none the service seeds it with their most played tracks.
 */
@ConsumerType
public interface Recommender {

    /** Service property: the engine's name, {@code String}, required. */
    String NAME = "recommender.name";

    /** Service property: one-sentence description, {@code String}, optional. */
    String DESCRIPTION = "recommender.description";

    /**
     * @param request validated request, with its {@link RecommendationRequest#context() context} (since 1.2)
     * @param limit   1..{@link RecommendationService#MAX_LIMIT}; may exceed what the client asked for, so that the
     *                service's filter leaves enough
     * @return up to {@code limit} tracks, best first
     * @throws EngineNotReadyException when the engine cannot answer yet (since 1.1)
     */
    List<ScoredTrack> recommend(RecommendationRequest request, int limit);
}
