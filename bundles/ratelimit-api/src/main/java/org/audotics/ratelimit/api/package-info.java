/**
 * How many requests a caller may make: the {@link org.audotics.ratelimit.api.RateLimiter} counts each request against
 * the limits of its {@link org.audotics.ratelimit.api.RouteGroup} for the caller's token and for its address, and
 * says whether it may go ahead and, if not, when to retry. The REST stack asks it for every {@code /v1} request and
 * answers 429 with {@code Retry-After}; the counting (where counters live, how windows slide) is the provider's
 * detail, so a different limiter can be deployed without touching the REST stack.
 */
@Export
@Version("1.0.0")
package org.audotics.ratelimit.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
