package org.audotics.recommendation.api;

import java.util.Objects;

/**
 * What a group asks {@link GroupRecommendations} for.
 *
 * @param members  the listeners, 1..{@value Caller#MAX_MEMBERS}, with their weights
 * @param strategy how their satisfactions are combined
 * @param request  seeds, bounds, exclusions and artist cap for everyone (its context's caller is ignored: the
 *                 members are); it may have no seed, then the members' tastes are the seeds
 * @param limit    1..{@value RecommendationService#MAX_LIMIT}
 * @throws InvalidRecommendationRequestException when there is no member or the limit is out of range
 * @since 1.2
 */
public record GroupRequest(Caller members, GroupStrategy strategy, RecommendationRequest request, int limit) {

    public GroupRequest {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(request, "request");
        if (members.isAnonymous()) {
            throw new InvalidRecommendationRequestException("members must list 1 to " + Caller.MAX_MEMBERS + " users");
        }
        if (members.weights().values().stream().allMatch(weight -> weight == 0)) {
            throw new InvalidRecommendationRequestException("weights must give at least one member a weight above 0");
        }
        if (limit < 1 || limit > RecommendationService.MAX_LIMIT) {
            throw new InvalidRecommendationRequestException("limit must be a whole number between 1 and " + RecommendationService.MAX_LIMIT);
        }
    }
}
