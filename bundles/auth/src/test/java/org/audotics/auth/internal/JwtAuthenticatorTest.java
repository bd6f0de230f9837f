package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Key;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.AuthenticatedUser;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an access token must be refused, each on its own; and the one way it is accepted. */
class JwtAuthenticatorTest {

    @TempDir
    Path data;

    private TokenFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data);
        fixture.accounts.add("u1", "ada@example.com", Set.of("user", "admin"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Optional<AuthenticatedUser> authenticate(String token) {
        return fixture.authenticator.authenticate(token);
    }

    /** Claims as we issue them, valid now. */
    private JwtClaims validClaims() {
        JwtClaims claims = new JwtClaims();
        NumericDate now = NumericDate.fromMilliseconds(fixture.clock.millis());
        claims.setIssuer("audotics");
        claims.setAudience(AccessTokens.AUDIENCE);
        claims.setSubject("u1");
        claims.setIssuedAt(now);
        claims.setNotBefore(now);
        NumericDate expires = NumericDate.fromMilliseconds(fixture.clock.millis());
        expires.addSeconds(600);
        claims.setExpirationTime(expires);
        claims.setGeneratedJwtId();
        claims.setStringClaim("scope", "user-read-private");
        claims.setStringListClaim("roles", List.of("user"));
        return claims;
    }

    private String sign(JwtClaims claims, Key key, String kid, String algorithm) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private String signWithOurKey(JwtClaims claims) throws Exception {
        SigningKey key = fixture.keys.current();
        return sign(claims, key.privateKey(), key.kid(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAnIssuedTokenWithTheAccountsRolesAndTheTokensScopes() {
        String token = fixture.tokens.issue("u1", Set.of("user", "admin"), Set.of("user-read-private", "user-top-read"));
        AuthenticatedUser user = authenticate(token).orElseThrow();
        assertEquals("u1", user.id());
        assertEquals(Set.of("user", "admin"), user.roles());
        assertEquals(Set.of("user-read-private", "user-top-read"), user.scopes());
        assertEquals(Optional.empty(), user.app());
    }

    @Test
    void aRoleTheAccountNoLongerHasIsDropped() {
        String token = fixture.tokens.issue("u1", Set.of("user", "admin"), Set.of());
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
        assertEquals(Set.of("user"), authenticate(token).orElseThrow().roles());
    }

    @Test
    void refusesAnExpiredToken() {
        String token = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        fixture.clock.advance(Duration.ofSeconds(3600 + AccessTokens.CLOCK_SKEW_SECONDS + 1));
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesATokenNotYetValid() {
        fixture.clock.advance(Duration.ofMinutes(5));
        String token = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        fixture.clock.advance(Duration.ofMinutes(-5));
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String token = new AccessTokens(fixture.keys, "someone-else", 3600, fixture.clock).issue("u1", Set.of("user"), Set.of());
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        JwtClaims claims = validClaims();
        claims.setAudience("another-api");
        assertEquals(Optional.empty(), authenticate(signWithOurKey(claims)));
        assertTrue(authenticate(signWithOurKey(validClaims())).isPresent(), "the same token with our audience is accepted");
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        String header = "{\"alg\":\"none\",\"kid\":\"" + fixture.keys.current().kid() + "\"}";
        String token = base64(header) + "." + base64(validClaims().toJson()) + ".";
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesAnHs256TokenKeyedWithOurPublicKey() throws Exception {
        SigningKey key = fixture.keys.current();
        HmacKey publicKeyAsSecret = new HmacKey(key.publicJwk().getPublicKey().getEncoded());
        String token = sign(validClaims(), publicKeyAsSecret, key.kid(), AlgorithmIdentifiers.HMAC_SHA256);
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesATokenSignedWithAnUnknownKid() throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        assertEquals(Optional.empty(), authenticate(sign(validClaims(), stranger.getPrivateKey(), "not-one-of-ours", AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void refusesATokenWithOurKidSignedByAnotherKey() throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        String kid = fixture.keys.current().kid();
        assertEquals(Optional.empty(), authenticate(sign(validClaims(), stranger.getPrivateKey(), kid, AlgorithmIdentifiers.RSA_USING_SHA256)));
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String[] parts = fixture.tokens.issue("u1", Set.of("user"), Set.of()).split("\\.");
        fixture.accounts.add("u2", "eve@example.com", Set.of("user", "admin"));
        JwtClaims forged = validClaims();
        forged.setSubject("u2");
        forged.setStringListClaim("roles", List.of("user", "admin"));
        String tampered = parts[0] + "." + base64(forged.toJson()) + "." + parts[2];
        assertEquals(Optional.empty(), authenticate(tampered));
    }

    @Test
    void refusesATokenOfADeletedAccount() {
        String token = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        assertTrue(authenticate(token).isPresent());
        fixture.accounts.byId.remove("u1");
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesWhatIsNoJwtAtAll() {
        for (String token : List.of("integration-test-admin-token-0123456789", "a.b.c", "..", "x.y", "é.é.é")) {
            assertEquals(Optional.empty(), authenticate(token), token);
        }
    }

    @Test
    void withoutAnAccountServiceEveryTokenIsRefused() {
        String token = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        assertEquals(Optional.empty(), new JwtAuthenticator(fixture.tokens, fixture.revoked, null).authenticate(token));
    }

    @Test
    void acceptsAnAppTokenWhileTheAppExistsWithoutRolesOrScopes() {
        var registered = fixture.registerApp("owner-1");
        String clientId = registered.app().clientId();
        String token = fixture.tokens.issueForApp(clientId);
        AuthenticatedUser app = authenticate(token).orElseThrow();
        assertEquals(clientId, app.id());
        assertEquals(clientId, app.appId());
        assertEquals(Set.of(), app.roles());
        assertEquals(Set.of(), app.scopes());
        assertTrue(fixture.apps.delete("owner-1", clientId));
        assertEquals(Optional.empty(), authenticate(token));
    }

    @Test
    void refusesAnAppTokenWithoutTheAppsService() {
        var registered = fixture.registerApp("owner-1");
        String token = fixture.tokens.issueForApp(registered.app().clientId());
        assertEquals(Optional.empty(), new JwtAuthenticator(fixture.tokens, fixture.revoked, fixture.accounts).authenticate(token));
    }
}
