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
 * The deny-list of revoked access tokens, by {@code jti} and by refresh-token family, in the shared {@link Cache} (Redis when the cache
 * bundle has a Redis URI, so a revocation on one node holds on every node at the next request; this
 * process's memory otherwise). An entry lives as long as the token could still be accepted: until its
 * {@code exp} plus the verifier's clock skew, then the cache drops it, so the list never outgrows the
 * tokens alive. A family's entry ({@link #revokeFamily}) refuses every access token issued with that
 * family's refresh tokens — a sign-in's earlier access tokens too, which their {@code jti}s alone could not
 * reach — and lives one access-token lifetime, after which every such token has expired.
 *
 * <p>An entry is written with {@link Cache#increment} rather than {@code put}: it is the write that tells
 * whether the backend took it, so a revocation Redis did not record is logged instead of lost silently.
 * Checking costs one cache read, two for a token of a family. Thread-safe.
 */
@Component(service = RevokedAccessTokens.class, configurationPid = AuthConfig.PID)
public final class RevokedAccessTokens {

    static final String PREFIX = "auth:revoked-at:";
    static final String FAMILY_PREFIX = "auth:revoked-family:";

    private static final Logger LOG = LoggerFactory.getLogger(RevokedAccessTokens.class);

    private final Cache cache;
    private final Clock clock;
    private final Duration familyEntryLifetime;

    @Activate
    public RevokedAccessTokens(@Reference Cache cache, AuthConfig config) {
        this(cache, Clock.systemUTC(), Duration.ofSeconds(config.token_access_ttl_seconds()));
    }

    /** @param accessTokenLifetime how long an access token is valid ({@code token.access.ttl.seconds}) */
    RevokedAccessTokens(Cache cache, Clock clock, Duration accessTokenLifetime) {
        this.cache = cache;
        this.clock = clock;
        this.familyEntryLifetime = accessTokenLifetime.plusSeconds(AccessTokens.CLOCK_SKEW_SECONDS);
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

    /** Denies every access token issued with the family's refresh tokens, for as long as any could be valid. */
    void revokeFamily(String familyId) {
        if (cache.increment(FAMILY_PREFIX + familyId, familyEntryLifetime).isEmpty()) {
            LOG.warn("The cache is unreachable: the access tokens of refresh family {} stay valid until they expire "
                    + "(at most {}); its refresh tokens are revoked", familyId, familyEntryLifetime);
        }
    }

    /**
     * Whether the token itself or its refresh family was revoked: one cache read, two for a token of a family;
     * false when the cache is unreachable (see {@link JwtAuthenticator} for why).
     */
    boolean isRevoked(AccessTokens.Verified token) {
        return cache.get(PREFIX + token.id()).isPresent()
                || token.familyId() != null && cache.get(FAMILY_PREFIX + token.familyId()).isPresent();
    }
}
