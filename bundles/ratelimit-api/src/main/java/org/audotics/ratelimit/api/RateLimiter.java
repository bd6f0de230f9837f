package org.audotics.ratelimit.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Counts requests per caller and route group against configured limits, shared by every node of a deployment.
 * Thread-safe.
 */
@ProviderType
public interface RateLimiter {

    /**
     * Counts one request of {@code group} by {@code requester} and says whether it may go ahead: refused when the
     * requester's token or its address has used up the group's limit. A refused request counts too, so a client
     * that ignores {@code Retry-After} stays refused; one that waits the given seconds gets through.
     *
     * <p>When the counters cannot be reached (the shared store is down) the request is allowed: a limiter is a guard
     * against abuse, not a reason to refuse service.
     */
    Decision acquire(RouteGroup group, Requester requester);
}
