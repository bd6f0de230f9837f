package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The token and revocation endpoints' grants and refusals, against a fake account service. */
class TokenResourceTest {

    @TempDir
    Path data;

    private static final String ADDRESS = "192.0.2.7";

    private TokenFixture fixture;
    private SignInLimiter limiter;
    private TokenResource resource;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data);
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
        limiter = new SignInLimiter(new CountingCache(), 3, 5, 900, fixture.clock);
        resource = new TokenResource(fixture.tokens, fixture.refreshTokens, limiter, fixture.revoked);
        resource.accounts = fixture.accounts;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void assertOAuthError(int status, String error, String descriptionPart, Executable call) {
        OAuthError e = assertThrows(OAuthError.class, call);
        assertEquals(status, e.status());
        assertEquals(error, e.error());
        assertTrue(e.getMessage().contains(descriptionPart), e.getMessage());
    }

    private TokenResource.TokenAnswer signIn() {
        return resource.grant(Map.of("grant_type", "password", "username", "ada@example.com", "password", "password-u1"), ADDRESS);
    }

    @Test
    void thePasswordGrantAnswersAnAccessTokenTheAuthenticatorAcceptsAndARefreshToken() {
        TokenResource.TokenAnswer answer = signIn();
        assertEquals("Bearer", answer.tokenType());
        assertEquals(3600, answer.expiresIn());
        assertEquals(Scopes.format(Scopes.USER), answer.scope());
        var user = fixture.authenticator.authenticate(answer.accessToken()).orElseThrow();
        assertEquals("u1", user.id());
        assertEquals(Scopes.USER, user.scopes());
        assertEquals(43, answer.refreshToken().length());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        assertOAuthError(400, "invalid_grant", "email or password", () -> resource.grant(
                Map.of("grant_type", "password", "username", "ada@example.com", "password", "wrong"), ADDRESS));
        assertOAuthError(400, "invalid_grant", "email or password", () -> resource.grant(
                Map.of("grant_type", "password", "username", "nobody@example.com", "password", "password-u1"), ADDRESS));
    }

    private void wrongPassword(String email) {
        assertOAuthError(400, "invalid_grant", "email or password", () -> resource.grant(
                Map.of("grant_type", "password", "username", email, "password", "wrong"), ADDRESS));
    }

    @Test
    void afterTheMaximumOfFailedSignInsEvenTheRightPasswordIs429BeforeAnyPasswordIsChecked() {
        for (int i = 0; i < 3; i++) {
            wrongPassword("ada@example.com");
        }
        int checked = fixture.accounts.passwordChecks.get();
        OAuthError refused = assertThrows(OAuthError.class, this::signIn);
        assertEquals(429, refused.status());
        assertEquals("too_many_attempts", refused.error());
        assertEquals(900, refused.retryAfterSeconds());
        assertOAuthError(429, "too_many_attempts", "retry after", () -> resource.grant(
                Map.of("grant_type", "password", "username", "ada@example.com", "password", "wrong"), ADDRESS));
        assertEquals(checked, fixture.accounts.passwordChecks.get(), "no password was checked while blocked");
    }

    @Test
    void anUnknownEmailCountsAndIsRefusedLikeAWrongPassword() {
        for (int i = 0; i < 3; i++) {
            assertOAuthError(400, "invalid_grant", "email or password", () -> resource.grant(
                    Map.of("grant_type", "password", "username", "nobody@example.com", "password", "password-u1"), ADDRESS));
        }
        assertOAuthError(429, "too_many_attempts", "retry after", () -> resource.grant(
                Map.of("grant_type", "password", "username", "nobody@example.com", "password", "password-u1"), ADDRESS));
    }

    @Test
    void anotherAccountFromTheSameAddressSignsInUntilTheAddressLimit() {
        fixture.accounts.add("u2", "grace@example.com", Set.of("user"));
        for (int i = 0; i < 3; i++) {
            wrongPassword("ada@example.com");
        }
        var grace = Map.of("grant_type", "password", "username", "grace@example.com", "password", "password-u2");
        assertEquals("Bearer", resource.grant(grace, ADDRESS).tokenType());
        wrongPassword("grace@example.com");
        wrongPassword("grace@example.com");
        assertOAuthError(429, "too_many_attempts", "retry after", () -> resource.grant(grace, ADDRESS));
        assertEquals("Bearer", resource.grant(grace, "198.51.100.9").tokenType(), "another address is not limited");
    }

    @Test
    void aRefusedSignInIsAnsweredWith429AndRetryAfterInOAuthsShape() {
        var answer = new OAuthErrorMapper().toResponse(OAuthError.tooManyAttempts("too many failed sign-ins; retry after 42 s", 42));
        assertEquals(429, answer.getStatus());
        assertEquals("42", answer.getHeaderString("Retry-After"));
        assertEquals("no-store", answer.getHeaderString("Cache-Control"));
        assertEquals(new OAuthErrorMapper.Body("too_many_attempts", "too many failed sign-ins; retry after 42 s"), answer.getEntity());
        assertEquals(null, new OAuthErrorMapper().toResponse(OAuthError.invalidGrant("x")).getHeaderString("Retry-After"));
        assertEquals("5", new OAuthErrorMapper().toResponse(OAuthError.temporarilyUnavailable("x")).getHeaderString("Retry-After"));
    }

    @Test
    void theRefreshGrantRotatesAndAReplayRevokesTheFamily() {
        TokenResource.TokenAnswer first = signIn();
        TokenResource.TokenAnswer second = resource.grant(Map.of("grant_type", "refresh_token", "refresh_token", first.refreshToken()), ADDRESS);
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertTrue(fixture.authenticator.authenticate(second.accessToken()).isPresent());
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", first.refreshToken()), ADDRESS));
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", second.refreshToken()), ADDRESS));
    }

    @Test
    void aRefreshNarrowsScopesButNeverWidensThem() {
        TokenResource.TokenAnswer narrow = resource.grant(Map.of("grant_type", "password", "username", "ada@example.com",
                "password", "password-u1", "scope", "user-read-private"), ADDRESS);
        assertEquals("user-read-private", narrow.scope());
        assertOAuthError(400, "invalid_scope", "user-top-read", () -> resource.grant(Map.of("grant_type", "refresh_token",
                "refresh_token", narrow.refreshToken(), "scope", "user-read-private user-top-read"), ADDRESS));
        assertOAuthError(400, "invalid_scope", "admin-everything", () -> resource.grant(Map.of("grant_type", "password",
                "username", "ada@example.com", "password", "password-u1", "scope", "admin-everything"), ADDRESS));
    }

    @Test
    void theRefreshTokenOfADeletedAccountIsRefused() {
        TokenResource.TokenAnswer answer = signIn();
        fixture.accounts.byId.remove("u1");
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", answer.refreshToken()), ADDRESS));
    }

    @Test
    void missingOrUnknownGrantTypesAndMissingParametersAreRefused() {
        assertOAuthError(400, "invalid_request", "grant_type", () -> resource.grant(Map.of(), ADDRESS));
        assertOAuthError(400, "invalid_request", "grant_type", () -> resource.grant(Map.of("grant_type", ""), ADDRESS));
        assertOAuthError(400, "unsupported_grant_type", "authorization_code", () -> resource.grant(Map.of("grant_type", "implicit"), ADDRESS));
        assertOAuthError(400, "invalid_request", "'password'", () -> resource.grant(Map.of("grant_type", "password", "username", "a@b.c"), ADDRESS));
        assertOAuthError(400, "invalid_request", "'refresh_token'", () -> resource.grant(Map.of("grant_type", "refresh_token"), ADDRESS));
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(Map.of("grant_type", "refresh_token", "refresh_token", "bogus"), ADDRESS));
    }

    @Test
    void formBodiesAreDecodedAsUtf8() {
        assertEquals(Map.of("grant_type", "password", "username", "ada+1@example.com", "password", "pass word é"),
                TokenResource.fields("grant_type=password&username=ada%2B1%40example.com&password=pass+word%20%C3%A9"));
        assertEquals(Map.of("scope", "", "x", ""), TokenResource.fields("scope=&&x"));
        assertEquals(Map.of(), TokenResource.fields(""));
    }

    @Test
    void formFieldsMustFollowTheTextRuleAppearOnceAndBeWellEncoded() {
        assertOAuthError(400, "invalid_request", "'grant_type' must not be repeated",
                () -> TokenResource.fields("grant_type=password&grant_type=refresh_token"));
        assertOAuthError(400, "invalid_request", "'username' contains the control character U+0000",
                () -> TokenResource.fields("username=ada%00%40example.com"));
        assertOAuthError(400, "invalid_request", "surrogate", () -> TokenResource.fields("pass\ud800=x"));
        for (String malformed : new String[] {"grant_type=%zz", "grant_type=%", "grant_type=%4", "%=x"}) {
            assertOAuthError(400, "invalid_request", "form encoding", () -> TokenResource.fields(malformed));
        }
    }

    @Test
    void withoutAnAccountServiceTheGrantsAreTemporarilyUnavailableAndKeepTheRefreshTokenUnused() {
        String refresh = signIn().refreshToken();
        resource.accounts = null;
        assertOAuthError(503, "temporarily_unavailable", "retry", this::signIn);
        assertOAuthError(503, "temporarily_unavailable", "retry", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", refresh), ADDRESS));
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", "bogus"), ADDRESS));
        assertOAuthError(400, "unsupported_grant_type", "nope", () -> resource.grant(Map.of("grant_type", "nope"), ADDRESS));
        resource.accounts = fixture.accounts;
        assertEquals(RefreshTokens.Outcome.ROTATED, fixture.refreshTokens.rotate(refresh).outcome());
    }

    @Test
    void revocationEndsTheFamilyAndAnswersTheSameForAnyToken() {
        TokenResource.TokenAnswer answer = signIn();
        resource.revoke(Map.of("token", answer.refreshToken(), "token_type_hint", "refresh_token"));
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", answer.refreshToken()), ADDRESS));
        resource.revoke(Map.of("token", "not-ours"));
        resource.revoke(Map.of("token", answer.accessToken(), "token_type_hint", "access_token"));
        assertOAuthError(400, "invalid_request", "'token'", () -> resource.revoke(Map.of()));
    }

    private static String basic(String id, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theClientCredentialsGrantAcceptsBasicOrFormCredentialsAndAnswersAnAppTokenWithoutRefreshToken() {
        resource.apps = fixture.apps;
        var registered = fixture.registerApp("owner-1");
        String clientId = registered.app().clientId();
        for (TokenResource.TokenAnswer answer : new TokenResource.TokenAnswer[] {
            resource.grant(Map.of("grant_type", "client_credentials"), basic(clientId, registered.clientSecret()), ADDRESS),
            resource.grant(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", registered.clientSecret()), null, ADDRESS)}) {
            assertEquals("Bearer", answer.tokenType());
            assertEquals(3600, answer.expiresIn());
            assertEquals(null, answer.refreshToken());
            assertEquals(Set.of("access_token", "token_type", "expires_in"), answer.body().keySet());
            var app = fixture.authenticator.authenticate(answer.accessToken()).orElseThrow();
            assertEquals(clientId, app.id());
            assertEquals(clientId, app.appId());
            assertEquals(Set.of(), app.roles());
            assertEquals(Set.of(), app.scopes());
        }
    }

    @Test
    void aWrongUnknownOrMissingClientIsInvalidClientWithABasicChallenge() {
        resource.apps = fixture.apps;
        var registered = fixture.registerApp("owner-1");
        String clientId = registered.app().clientId();
        Map<String, String> grant = Map.of("grant_type", "client_credentials");
        for (String header : new String[] {basic(clientId, "wrong"), basic("AAAAAAAAAAAAAAAAAAAAAA", registered.clientSecret()),
            "Basic !!!", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()), "Bearer x", null}) {
            OAuthError e = assertThrows(OAuthError.class, () -> resource.grant(grant, header, ADDRESS), String.valueOf(header));
            assertEquals(401, e.status());
            assertEquals("invalid_client", e.error());
            assertTrue(e.challenge().startsWith("Basic"), e.challenge());
        }
        assertOAuthError(401, "invalid_client", "wrong", () -> resource.grant(
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "wrong"), null, ADDRESS));
        assertOAuthError(400, "invalid_request", "not both", () -> resource.grant(
                Map.of("grant_type", "client_credentials", "client_id", clientId), basic(clientId, registered.clientSecret()), ADDRESS));
        assertOAuthError(400, "invalid_scope", "user-read-private", () -> resource.grant(
                Map.of("grant_type", "client_credentials", "scope", "user-read-private"), basic(clientId, registered.clientSecret()), ADDRESS));
    }

    @Test
    void withoutTheAppsServiceTheClientCredentialsGrantIs503() {
        assertOAuthError(503, "temporarily_unavailable", "apps", () -> resource.grant(Map.of("grant_type", "client_credentials"), "Basic eDp5", ADDRESS));
    }

    @Test
    void revokingAnAccessTokenByItsHintOrByItsFormRefusesItAndLeavesItsRefreshToken() {
        TokenResource.TokenAnswer hinted = signIn();
        TokenResource.TokenAnswer unhinted = signIn();
        resource.revoke(Map.of("token", hinted.accessToken(), "token_type_hint", "access_token"));
        resource.revoke(Map.of("token", unhinted.accessToken()));
        assertEquals(java.util.Optional.empty(), fixture.authenticator.authenticate(hinted.accessToken()));
        assertEquals(java.util.Optional.empty(), fixture.authenticator.authenticate(unhinted.accessToken()));
        assertEquals(43, resource.grant(Map.of("grant_type", "refresh_token", "refresh_token", hinted.refreshToken()), ADDRESS)
                .refreshToken().length(), "RFC 7009 lets the refresh token live; logout ends both");
    }

    @Test
    void aWrongHintIsSearchedPastAndAnUnknownHintIsUnsupportedTokenType() {
        TokenResource.TokenAnswer answer = signIn();
        resource.revoke(Map.of("token", answer.accessToken(), "token_type_hint", "refresh_token"));
        assertEquals(java.util.Optional.empty(), fixture.authenticator.authenticate(answer.accessToken()));
        resource.revoke(Map.of("token", answer.refreshToken(), "token_type_hint", "access_token"));
        assertOAuthError(400, "invalid_grant", "refresh token", () -> resource.grant(
                Map.of("grant_type", "refresh_token", "refresh_token", answer.refreshToken()), ADDRESS));
        assertOAuthError(400, "unsupported_token_type", "token_type_hint 'id_token'", () -> resource.revoke(
                Map.of("token", signIn().accessToken(), "token_type_hint", "id_token")));
    }

    @Test
    void aJwtThatIsNotOursPutsNothingOnTheDenyList() {
        resource.revoke(Map.of("token", "a.b.c", "token_type_hint", "access_token"));
        String expired = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        fixture.clock.advance(java.time.Duration.ofHours(2));
        resource.revoke(Map.of("token", expired));
        assertTrue(fixture.cache.values.isEmpty(), fixture.cache.values.toString());
    }
}
