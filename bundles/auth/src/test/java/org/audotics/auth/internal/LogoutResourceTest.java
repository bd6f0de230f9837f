package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.NotAuthorizedException;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.audotics.auth.internal.rest.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logout ends the access token and the refresh-token family of its sign-in. */
class LogoutResourceTest {

    @TempDir
    Path data;

    private TokenFixture fixture;
    private TokenResource tokens;
    private LogoutResource logout;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data);
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
        tokens = new TokenResource(fixture.tokens, fixture.refreshTokens, new SignInLimiter(new CountingCache(), 3, 5, 900, fixture.clock),
                fixture.revoked);
        tokens.accounts = fixture.accounts;
        logout = new LogoutResource(fixture.tokens, fixture.refreshTokens, fixture.revoked);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TokenResource.TokenAnswer signIn() {
        return tokens.grant(Map.of("grant_type", "password", "username", "ada@example.com", "password", "password-u1"), "192.0.2.7");
    }

    private void assertRefreshRefused(String refreshToken) {
        OAuthError e = assertThrows(OAuthError.class, () -> tokens.grant(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), "192.0.2.7"));
        assertEquals("invalid_grant", e.error());
    }

    @Test
    void aLogoutRefusesTheAccessTokenAndKillsTheRefreshTokenFamilyItCameFrom() {
        TokenResource.TokenAnswer session = signIn();
        TokenResource.TokenAnswer otherSignIn = signIn();
        assertEquals(204, logout.logout(Requests.caller("u1", Set.of("user")), "Bearer " + session.accessToken()).getStatus());
        assertEquals(Optional.empty(), fixture.authenticator.authenticate(session.accessToken()));
        assertRefreshRefused(session.refreshToken());
        assertTrue(fixture.authenticator.authenticate(otherSignIn.accessToken()).isPresent(), "another sign-in is another session");
        assertEquals(43, tokens.grant(Map.of("grant_type", "refresh_token", "refresh_token", otherSignIn.refreshToken()), "192.0.2.7")
                .refreshToken().length(), "its refresh token still rotates");
    }

    @Test
    void aLogoutWithATokenFromARefreshKillsTheWholeFamily() {
        TokenResource.TokenAnswer first = signIn();
        TokenResource.TokenAnswer refreshed = tokens.grant(Map.of("grant_type", "refresh_token", "refresh_token", first.refreshToken()), "192.0.2.7");
        logout.logout(Requests.caller("u1", Set.of("user")), "bearer " + refreshed.accessToken());
        assertEquals(Optional.empty(), fixture.authenticator.authenticate(refreshed.accessToken()));
        assertRefreshRefused(refreshed.refreshToken());
    }

    @Test
    void withoutAnAuthenticatedCallerLogoutIs401() {
        String access = signIn().accessToken();
        assertThrows(NotAuthorizedException.class, () -> logout.logout(null, "Bearer " + access));
        assertThrows(NotAuthorizedException.class, () -> logout.logout(Requests.caller("u1", Set.of("user")), null));
        assertTrue(fixture.authenticator.authenticate(access).isPresent(), "nothing was revoked");
    }

    @Test
    void aBearerCredentialThatIsNoAccessTokenIs400() {
        ApiException e = assertThrows(ApiException.class, () -> logout.logout(Requests.caller("admin", Set.of("user")), "Bearer integration-test-admin-token-0123456789"));
        assertEquals(400, e.status());
        assertEquals("invalid_parameter", e.code());
        assertTrue(e.getMessage().startsWith("Authorization"), e.getMessage());
    }
}
