package org.audotics.ratelimit.internal;

import java.util.EnumMap;
import java.util.Map;
import org.audotics.ratelimit.api.RouteGroup;

/** The configured limits per route group: per token owner and per address, 0 for none. */
record GroupLimits(Map<RouteGroup, Integer> perToken, Map<RouteGroup, Integer> perAddress) {

    static GroupLimits of(RateLimitConfig config) {
        Map<RouteGroup, Integer> token = new EnumMap<>(RouteGroup.class);
        Map<RouteGroup, Integer> address = new EnumMap<>(RouteGroup.class);
        put(token, RouteGroup.READS, config.reads_per_token(), "reads.per.token");
        put(address, RouteGroup.READS, config.reads_per_address(), "reads.per.address");
        put(token, RouteGroup.WRITES, config.writes_per_token(), "writes.per.token");
        put(address, RouteGroup.WRITES, config.writes_per_address(), "writes.per.address");
        put(token, RouteGroup.UPLOADS, config.uploads_per_token(), "uploads.per.token");
        put(address, RouteGroup.UPLOADS, config.uploads_per_address(), "uploads.per.address");
        put(token, RouteGroup.SIGN_IN, config.signin_per_token(), "signin.per.token");
        put(address, RouteGroup.SIGN_IN, config.signin_per_address(), "signin.per.address");
        return new GroupLimits(Map.copyOf(token), Map.copyOf(address));
    }

    private static void put(Map<RouteGroup, Integer> limits, RouteGroup group, int limit, String key) {
        if (limit < 0) {
            throw new IllegalArgumentException(key + " must be 0 (no limit) or more, not " + limit);
        }
        limits.put(group, limit);
    }

    int token(RouteGroup group) {
        return perToken.get(group);
    }

    int address(RouteGroup group) {
        return perAddress.get(group);
    }
}
