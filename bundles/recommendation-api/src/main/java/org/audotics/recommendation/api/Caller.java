package org.audotics.recommendation.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a recommendation is for: nobody in particular (an app's own token, the admin token), one listener, or a
 * group of listeners with a weight each.
 *
 * @param userIds the listeners, in the order given, each once; empty for {@link #ANONYMOUS}; at most
 *                {@value #MAX_MEMBERS}
 * @param weights each listener's weight, finite and at least 0; every listener of {@code userIds} is a key
 *                (a weight not given is 1)
 * @throws InvalidRecommendationRequestException when an id is blank or repeated, there are more than
 *                                               {@value #MAX_MEMBERS}, a weight names no listener, or a
 *                                               weight is negative, NaN or infinite
 * @since 1.2
 */
public record Caller(List<String> userIds, Map<String, Double> weights) {

    /** Listeners a group may have at most. */
    public static final int MAX_MEMBERS = 50;

    /** Nobody in particular: the answer depends on the request only. */
    public static final Caller ANONYMOUS = new Caller(List.of(), Map.of());

    public Caller {
        userIds = List.copyOf(userIds);
        Objects.requireNonNull(weights, "weights");
        if (userIds.size() > MAX_MEMBERS) {
            throw new InvalidRecommendationRequestException("members must list at most " + MAX_MEMBERS + " users, got " + userIds.size());
        }
        Map<String, Double> all = new LinkedHashMap<>();
        for (String id : userIds) {
            if (id == null || id.isBlank()) {
                throw new InvalidRecommendationRequestException("members must not hold a blank user id");
            }
            if (all.put(id, 1.0) != null) {
                throw new InvalidRecommendationRequestException("members lists user '" + id + "' twice");
            }
        }
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (!all.containsKey(weight.getKey())) {
                throw new InvalidRecommendationRequestException("weights names '" + weight.getKey() + "', who is not a member");
            }
            Double value = weight.getValue();
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw new InvalidRecommendationRequestException("weights must be finite numbers of at least 0; '"
                        + weight.getKey() + "' has " + value);
            }
            all.put(weight.getKey(), value);
        }
        weights = java.util.Collections.unmodifiableMap(all);
    }

    /** One listener. */
    public static Caller user(String userId) {
        return new Caller(List.of(userId), Map.of());
    }

    /** A group; listeners without a weight in {@code weights} weigh 1. */
    public static Caller group(List<String> userIds, Map<String, Double> weights) {
        return new Caller(userIds, weights);
    }

    /** True for {@link #ANONYMOUS}: no listener. */
    public boolean isAnonymous() {
        return userIds.isEmpty();
    }

    /** True for more than one listener. */
    public boolean isGroup() {
        return userIds.size() > 1;
    }

    /** @return the weight of a listener of this caller, 0 for anyone else */
    public double weight(String userId) {
        return weights.getOrDefault(userId, 0.0);
    }
}
