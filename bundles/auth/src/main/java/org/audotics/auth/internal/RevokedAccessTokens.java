package org.audotics.auth.internal;

import java.time.Clock;
import java.time.Duration;
import org.audotics.cache.api.Cache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deny-list of revoked access tokens, by {@code jti}, in the shared {@link Cache} (Redis when the cache
 * bundle has a Redis URI, so a revocation on one node holds on every node at the next request; this
 * process's memory otherwise). An entry lives as long as the token could still be accepted: until its
 * {@code exp} plus the verifier's clock skew, then the cache drops it, so the list never outgrows the
 * tokens alive.
 *
 * <p>An entry is written with {@link Cache#increment} rather than {@code put}: it is the write that tells
 * whether the backend took it, so a revocation Redis did not record is logged instead of lost silently.
 * Checking costs one cache read. Thread-safe.
 */
@Component(service = RevokedAccessTokens.class)
public final class RevokedAccessTokens {

    static final String PREFIX = "auth:revoked-at:";

    private static final Logger LOG = LoggerFactory.getLogger(RevokedAccessTokens.class);

    private final Cache cache;
    private final Clock clock;

    @Activate
    public RevokedAccessTokens(@Reference Cache cache) {
        this(cache, Clock.systemUTC());
    }

    RevokedAccessTokens(Cache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** Denies the token until it would expire anyway; a token already past that needs no entry. */
    void revoke(AccessTokens.Verified token) {
        Duration remaining = Duration.between(clock.instant(), token.expires()).plusSeconds(AccessTokens.CLOCK_SKEW_SECONDS);
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        if (cache.increment(PREFIX + token.id(), remaining).isEmpty()) {
            LOG.warn("The cache is unreachable: access token {} of user {} could not be revoked and stays valid until {}",
                    token.id(), token.user().id(), token.expires());
        } else {
            LOG.info("Access token {} of user {} revoked until {}", token.id(), token.user().id(), token.expires());
        }
    }

    /** One cache read; false when the cache is unreachable (see {@link JwtAuthenticator} for why). */
    boolean isRevoked(String tokenId) {
        return cache.get(PREFIX + tokenId).isPresent();
    }
}
