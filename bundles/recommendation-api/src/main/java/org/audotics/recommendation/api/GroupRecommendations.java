package org.audotics.recommendation.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recommendations for a group of listeners at once: {@code POST /v1/recommendations/group} and the realtime
 * sessions' shared queue.
 *
 * <p>Provided by the recommendation bundle; thread-safe, called concurrently. Each call: the active engine
 * proposes candidates for each member (their taste from history blended with the request's seeds, the request's
 * bounds, exclusions and artist cap, every member's bans); each member's satisfaction with every candidate is
 * scored from their own taste (the sound of the tracks they play and the artists they play, in [0, 1]; a member
 * without history is scored by the engine's score for the request); the {@link GroupStrategy} orders the
 * candidates. The answer holds no track any member banned, none the request excludes, at most the request's
 * {@code maxPerArtist} per artist, and only tracks within its {@code min}/{@code max} bounds.
 *
 * @since 1.2
 */
@ProviderType
public interface GroupRecommendations {

    /**
     * @throws UnknownMemberException when a member has no account
     * @throws UnknownSeedException   when a seed of the request does not exist in the catalog
     * @throws NoEngineException      when no engine is registered or the active one is not ready
     */
    GroupAnswer recommend(GroupRequest request);
}
