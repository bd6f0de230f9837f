package org.audotics.recommendation.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of an engine: the tracks most like one track. An engine that can answer this better than
 * a one-seed {@link Recommender#recommend} (from co-listening, say) implements this interface on the object it
 * registers as its {@link Recommender} service; the recommendation service finds it by {@code instanceof} and, for
 * an engine without it (any engine built against 1.0–1.2), answers {@link RecommendationService#similar} from
 * {@code recommend} with the track as the only seed.
 *
 * <p><b>Contract.</b> As for {@link Recommender#recommend}: thread-safe, answers within about 100 ms, throws
 * {@link EngineNotReadyException} rather than making the caller wait. The track exists in the catalog (the
 * service checked). Return at most {@code limit} tracks, most similar first, never the track itself, each once,
 * scores in [0, 1]; an empty list (never null) when nothing is similar. Skip what {@code context.exclusions()}
 * excludes (tracks, artists, the listener's bans); the service removes them anyway, and applies the artist cap
 * and the already-heard policy after any engine. When {@code context.explain()} is set, fill
 * {@link ScoredTrack#explanation()}, with a signal per part that went into the score (the built-in engines:
 * {@code sound}, and the hybrid engine also {@code co_listening}).
 *
 * @since 1.3
 */
@ConsumerType
public interface SimilarityRecommender extends Recommender {

    /**
     * @param trackId a catalog track id
     * @param context who asks and what to leave out, as for a recommendation
     * @param limit   1..{@link RecommendationService#MAX_LIMIT}; may exceed what the client asked for, so that the
     *                service's filter leaves enough
     * @return up to {@code limit} tracks, most similar first
     * @throws EngineNotReadyException when the engine cannot answer yet
     */
    List<ScoredTrack> similar(String trackId, RecommendationContext context, int limit);
}
