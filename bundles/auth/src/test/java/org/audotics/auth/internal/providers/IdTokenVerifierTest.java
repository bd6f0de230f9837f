package org.audotics.auth.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.audotics.http.api.ApiException;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** id_tokens made with jose4j in the test, checked against a JWKS of the provider's keys. */
class IdTokenVerifierTest {

    static final String ISSUER = "https://idp.example.com";
    static final String CLIENT = "audotics-client";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static RsaJsonWebKey providerKey;
    static RsaJsonWebKey otherKey;
    static final Provider PROVIDER = new Provider("idp", "Idp", Provider.Type.OIDC, CLIENT, "secret", java.net.URI.create(ISSUER + "/.well-known/openid-configuration"),
            null, null, null, List.of("openid"), null, null, null, null, false);

    private final IdTokenVerifier verifier = new IdTokenVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void keys() throws Exception {
        providerKey = RsaJwkGenerator.generateJwk(2048);
        providerKey.setKeyId("provider-1");
        otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId("provider-1"); // same kid, other key: a forgery
    }

    static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(CLIENT);
        claims.setSubject("248289761001");
        claims.setIssuedAt(NumericDate.fromMilliseconds(NOW.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(NOW.plusSeconds(300).toEpochMilli()));
        claims.setStringClaim("nonce", NONCE);
        claims.setStringClaim("email", "jane@example.org");
        claims.setClaim("email_verified", true);
        claims.setStringClaim("name", "Jane Doe");
        return claims;
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static JwksVerificationKeyResolver jwks() {
        return new JwksVerificationKeyResolver(new JsonWebKeySet(providerKey).getJsonWebKeys());
    }

    private ProviderProfile verify(String token) {
        return verifier.verify(PROVIDER, token, ISSUER, NONCE, jwks());
    }

    private String refusal(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claims();
        change.accept(claims);
        ApiException refused = assertThrows(ApiException.class, () -> verify(sign(claims, providerKey)));
        assertEquals(401, refused.status());
        assertEquals("invalid_id_token", refused.code());
        return refused.getMessage();
    }

    @Test
    void aGoodTokenSaysWhoSignedIn() throws Exception {
        ProviderProfile person = verify(sign(claims(), providerKey));
        assertEquals("248289761001", person.subject());
        assertEquals("jane@example.org", person.email());
        assertTrue(person.emailVerified());
        assertEquals("Jane Doe", person.name());
    }

    @Test
    void anEmailIsVerifiedOnlyWhenTheTokenSaysSo() throws Exception {
        JwtClaims unverified = claims();
        unverified.setClaim("email_verified", false);
        assertFalse(verify(sign(unverified, providerKey)).emailVerified());
        JwtClaims silent = claims();
        silent.unsetClaim("email_verified");
        assertFalse(verify(sign(silent, providerKey)).emailVerified());
    }

    @Test
    void wrongClaimsAreRefusedSayingWhich() throws Exception {
        assertTrue(refusal(c -> c.setStringClaim("nonce", "another")).contains("nonce"));
        assertTrue(refusal(c -> c.unsetClaim("nonce")).contains("nonce"));
        assertTrue(refusal(c -> c.setIssuer("https://evil.example.com")).contains("issuer"));
        assertTrue(refusal(c -> c.setAudience("someone-else")).contains("audience"));
        assertTrue(refusal(c -> c.setAudience(CLIENT, "someone-else")).contains("azp"));
        assertTrue(refusal(c -> c.setExpirationTime(NumericDate.fromMilliseconds(NOW.minusSeconds(120).toEpochMilli()))).contains("expired"));
        assertTrue(refusal(c -> c.unsetClaim("sub")).contains("subject"));
        assertTrue(refusal(c -> c.unsetClaim("iat")).contains("iat"));
    }

    @Test
    void severalAudiencesNeedOurClientAsAzp() throws Exception {
        JwtClaims claims = claims();
        claims.setAudience(CLIENT, "someone-else");
        claims.setStringClaim("azp", CLIENT);
        assertEquals("248289761001", verify(sign(claims, providerKey)).subject());
    }

    @Test
    void forgedUnsignedAndSymmetricTokensAreRefused() throws Exception {
        ApiException forged = assertThrows(ApiException.class, () -> verify(sign(claims(), otherKey)));
        assertTrue(forged.getMessage().contains("signature"), forged.getMessage());

        JsonWebSignature none = new JsonWebSignature();
        none.setPayload(claims().toJson());
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        String unsigned = none.getCompactSerialization();
        assertEquals(401, assertThrows(ApiException.class, () -> verify(unsigned)).status());

        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims().toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey(providerKey.getPublicKey().getEncoded()));
        hmac.setKeyIdHeaderValue("provider-1");
        String symmetric = hmac.getCompactSerialization();
        assertEquals(401, assertThrows(ApiException.class, () -> verify(symmetric)).status());

        assertEquals(401, assertThrows(ApiException.class, () -> verify("not.a.jwt")).status());
        assertEquals(401, assertThrows(ApiException.class, () -> verifier.verify(PROVIDER, null, ISSUER, NONCE, jwks())).status());
    }
}
