package org.audotics.auth.internal.providers;

import java.time.Clock;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Checks an OpenID Connect id_token (OIDC Core section 3.1.3.7): signed with an asymmetric algorithm by a
 * key of the provider's JWKS (so neither {@code alg: none} nor an HMAC keyed with a public key passes),
 * {@code iss} the discovered issuer, {@code aud} containing our client id (and {@code azp} our client id
 * when there are several audiences), {@code exp} in the future and {@code iat} present ({@value #CLOCK_SKEW_SECONDS}
 * s of skew), a {@code sub}, and the {@code nonce} we sent. Thread-safe.
 */
final class IdTokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 60;
    private static final String[] ALGORITHMS = {AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
        AlgorithmIdentifiers.RSA_PSS_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512};

    private final Clock clock;

    IdTokenVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param keys the provider's signing keys (its JWKS)
     * @return the person, from the token's {@code sub}, {@code email}, {@code email_verified} and {@code name}
     * @throws org.audotics.http.api.ApiException 401 {@code invalid_id_token} naming what is wrong; 503 when
     *                                            the provider's keys cannot be read
     */
    ProviderProfile verify(Provider provider, String idToken, String issuer, String nonce, VerificationKeyResolver keys) {
        if (idToken == null) {
            throw SignInErrors.invalidIdToken(provider.displayName(), "the token answer has no id_token");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS)
                .setVerificationKeyResolver(keys)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(provider.clientId())
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.io.IOException) { // HttpsJwksVerificationKeyResolver wraps a failed JWKS read
                    throw SignInErrors.unavailable(provider.displayName(), "its signing keys (JWKS) cannot be read");
                }
            }
            throw SignInErrors.invalidIdToken(provider.displayName(), reason(e));
        }
        try {
            Object sent = claims.getClaimValue("nonce");
            if (!(sent instanceof String sentNonce) || !sentNonce.equals(nonce)) {
                throw SignInErrors.invalidIdToken(provider.displayName(), "its nonce is not the one this sign-in sent");
            }
            List<String> audiences = claims.getAudience();
            if (audiences.size() > 1 && !provider.clientId().equals(claims.getClaimValue("azp"))) {
                throw SignInErrors.invalidIdToken(provider.displayName(), "it has several audiences and azp is not our client id");
            }
            Object verified = claims.getClaimValue("email_verified");
            boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified); // some providers send a string
            Object email = claims.getClaimValue("email");
            Object name = claims.getClaimValue("name");
            return new ProviderProfile(claims.getSubject(), email instanceof String address ? address : null, emailVerified,
                    name instanceof String text ? text : null);
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw SignInErrors.invalidIdToken(provider.displayName(), "a claim is malformed");
        }
    }

    /** What is wrong, in words for the client (jose4j's details may quote the token). */
    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "it has expired";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUER_INVALID)) {
            return "its issuer is not the provider's";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_MISSING)) {
            return "its audience is not our client id";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID)
                || e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_MISSING)) {
            return "its signature does not verify with the provider's keys";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SUBJECT_MISSING)) {
            return "it has no subject";
        }
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUED_AT_MISSING)) {
            return "its times (iat, nbf) are not acceptable";
        }
        return "it is malformed, or signed with an algorithm or key that is not accepted";
    }
}
