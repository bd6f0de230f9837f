package org.audotics.auth.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.storage.api.StorageException;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Access tokens: JWTs signed RS256 with the current {@link SigningKeys} key, {@code kid} in the header,
 * claims {@code iss}, {@code aud} = {@value #AUDIENCE}, {@code sub} (the user id), {@code exp}, {@code iat},
 * {@code nbf}, {@code jti}, {@code scope} (space-separated), {@code roles} and, for a token issued with a
 * refresh token, the private claim {@value #FAMILY} (the refresh-token family it came from, so a logout can
 * end that family too). An app's own token (the {@code client_credentials} grant) has the app's client id
 * as {@code sub} and in {@code client_id} (as RFC 9068 section 2.2 does), no roles and no scopes; a token
 * an app holds for a user (the {@code authorization_code} grant) has the user as {@code sub} and the app's
 * client id in {@code client_id}.
 *
 * <p>Verification accepts RS256 only (so neither {@code alg: none} nor an HMAC keyed with our public key
 * gets through), a known {@code kid}, our issuer and audience, and {@code exp}/{@code nbf} with
 * {@value #CLOCK_SKEW_SECONDS} s of clock skew. Thread-safe.
 */
@Component(service = AccessTokens.class, configurationPid = AuthConfig.PID)
public final class AccessTokens {

    static final String AUDIENCE = "audotics-api";
    static final int CLOCK_SKEW_SECONDS = 30;
    static final String TYPE = "at+jwt";
    static final String CLIENT_ID = "client_id";
    static final String FAMILY = "audotics_family";

    /**
     * A verified token's claims.
     *
     * @param user     the user, with the token's roles and scopes
     * @param id       the token's {@code jti}
     * @param expires  its {@code exp}
     * @param familyId the refresh-token family it was issued with, or null when none
     */
    record Verified(AuthenticatedUser user, String id, Instant expires, String familyId) {
    }

    private final SigningKeys keys;
    private final String issuer;
    private final int ttlSeconds;
    private final Clock clock;

    @Activate
    public AccessTokens(@Reference SigningKeys keys, AuthConfig config) {
        this(keys, config.token_issuer(), config.token_access_ttl_seconds(), Clock.systemUTC());
    }

    AccessTokens(SigningKeys keys, String issuer, int ttlSeconds, Clock clock) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("token.issuer must not be empty");
        }
        if (ttlSeconds < 60 || ttlSeconds > 86_400) {
            throw new IllegalArgumentException("token.access.ttl.seconds must be between 60 and 86400");
        }
        this.keys = keys;
        this.issuer = issuer.strip();
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    /** Seconds a new token is valid. */
    int ttlSeconds() {
        return ttlSeconds;
    }

    /** A signed access token for the user, issued without a refresh token. */
    String issue(String userId, Set<String> roles, Set<String> scopes) {
        return issue(userId, roles, scopes, null);
    }

    /** A signed access token for the app itself: no user, no roles, no scopes, no refresh-token family. */
    String issueForApp(String clientId) {
        return issue(clientId, Set.of(), Set.of(), clientId, null);
    }

    /** A signed access token for the user, naming the refresh-token family it is issued with (null for none). */
    String issue(String userId, Set<String> roles, Set<String> scopes, String familyId) {
        return issue(userId, roles, scopes, null, familyId);
    }

    /**
     * A signed access token for the user, used by an app (the {@code authorization_code} grant and its
     * refreshes): {@code sub} is the user, {@code client_id} the app, so the caller's {@code appId} is set.
     */
    String issueForUserOfApp(String userId, Set<String> roles, Set<String> scopes, String clientId, String familyId) {
        return issue(userId, roles, scopes, clientId, familyId);
    }

    private String issue(String subject, Set<String> roles, Set<String> scopes, String clientId, String familyId) {
        SigningKey key = keys.current();
        NumericDate now = NumericDate.fromMilliseconds(clock.millis());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAt(now);
        claims.setNotBefore(now);
        NumericDate expires = NumericDate.fromMilliseconds(clock.millis());
        expires.addSeconds(ttlSeconds);
        claims.setExpirationTime(expires);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringClaim("scope", Scopes.format(scopes));
        claims.setStringListClaim("roles", List.copyOf(roles));
        if (clientId != null) {
            claims.setStringClaim(CLIENT_ID, clientId);
        }
        if (familyId != null) {
            claims.setStringClaim(FAMILY, familyId);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", TYPE);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
    }

    /**
     * @return the user the token was issued to, with the token's roles, scopes and app (its {@code client_id},
     *         null for none; for an app's own token the id is the client id too); empty for any token that
     *         is malformed, forged, expired, not yet valid, for another issuer or audience, or signed with a
     *         key that is not (or no longer) accepted
     */
    Optional<AuthenticatedUser> verify(String token) {
        return read(token).map(Verified::user);
    }

    /** {@link #verify}, answering the token's id, expiry and family as well. */
    Optional<Verified> read(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nesting) -> keys.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("unknown kid")))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(AUDIENCE)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireNotBefore()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Object scope = claims.getClaimValue("scope");
            List<String> roles = claims.hasClaim("roles") ? claims.getStringListClaimValue("roles") : List.of();
            String clientId = claims.getStringClaimValue(CLIENT_ID);
            Object family = claims.getClaimValue(FAMILY);
            AuthenticatedUser user = new AuthenticatedUser(claims.getSubject(), Set.copyOf(roles),
                    Scopes.parse(scope instanceof String text ? text : null), clientId == null || clientId.isBlank() ? null : clientId);
            return Optional.of(new Verified(user, claims.getJwtId(), Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()),
                    family instanceof String text && !text.isBlank() ? text : null));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException refused) {
            // jose4j wraps what the key resolver throws: the keys unreadable (database down) is a 503, not
            // a 401 that would make the client drop a good token
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                if (cause instanceof StorageException keysUnreadable) {
                    throw keysUnreadable;
                }
            }
            return Optional.empty();
        }
    }
}
