package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.internal.rest.Requests;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password change ends every sign-in of the account; a wrong current password counts as a failed sign-in. */
class PasswordResourceTest {

    @TempDir
    Path data;

    private TokenFixture fixture;
    private TokenResource tokens;
    private PasswordResource passwords;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data);
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
        fixture.accounts.add("u2", "bob@example.com", Set.of("user"));
        SignInLimiter limiter = new SignInLimiter(new CountingCache(), 3, 50, 900, fixture.clock);
        tokens = new TokenResource(fixture.tokens, fixture.refreshTokens, limiter, fixture.revoked);
        tokens.accounts = fixture.accounts;
        passwords = new PasswordResource(fixture.accounts, fixture.refreshTokens, limiter);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TokenResource.TokenAnswer signIn(String id, String email) {
        return tokens.grant(Map.of("grant_type", "password", "username", email, "password", "password-" + id), "192.0.2.7");
    }

    private static HttpServletRequest from(String address) {
        return (HttpServletRequest) Proxy.newProxyInstance(PasswordResourceTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getRemoteAddr") ? address : null);
    }

    private Response change(SecurityContext caller, String current) {
        return passwords.change(new PasswordResource.PasswordChange(current, "a brand new passphrase"), caller, from("192.0.2.7"));
    }

    @Test
    void aChangeEndsEverySignInOfTheAccountAndNoOther() {
        TokenResource.TokenAnswer phone = signIn("u1", "ada@example.com");
        TokenResource.TokenAnswer laptop = signIn("u1", "ada@example.com");
        TokenResource.TokenAnswer bobs = signIn("u2", "bob@example.com");
        assertEquals(204, change(Requests.caller("u1", Set.of("user")), "password-u1").getStatus());
        for (TokenResource.TokenAnswer ended : new TokenResource.TokenAnswer[] {phone, laptop}) {
            assertEquals(Optional.empty(), fixture.authenticator.authenticate(ended.accessToken()));
            OAuthError refused = assertThrows(OAuthError.class,
                    () -> tokens.grant(Map.of("grant_type", "refresh_token", "refresh_token", ended.refreshToken()), "192.0.2.7"));
            assertEquals("invalid_grant", refused.error());
        }
        assertTrue(fixture.authenticator.authenticate(bobs.accessToken()).isPresent(), "another account's sign-in");
    }

    @Test
    void aWrongCurrentPasswordIs403AndCountsTowardsTheLimit() {
        TokenResource.TokenAnswer session = signIn("u1", "ada@example.com");
        for (int i = 0; i < 3; i++) {
            ApiException wrong = assertThrows(ApiException.class, () -> change(Requests.caller("u1", Set.of("user")), "guess"));
            assertEquals(403, wrong.status());
            assertEquals("wrong_password", wrong.code());
        }
        assertTrue(fixture.authenticator.authenticate(session.accessToken()).isPresent(), "nothing changed");
        int checks = fixture.accounts.passwordChecks.get();
        Response limited = change(Requests.caller("u1", Set.of("user")), "password-u1");
        assertEquals(429, limited.getStatus());
        assertTrue(Long.parseLong(String.valueOf(limited.getHeaderString("Retry-After"))) > 0);
        assertEquals(checks, fixture.accounts.passwordChecks.get(), "refused before any password is checked");
    }

    @Test
    void anAppsTokenForTheUserMayNotChangeThePassword() {
        SecurityContext caller = Requests.caller("u1", Set.of("user"), Set.of("user-modify-private"), "app-1");
        ApiException refused = assertThrows(ApiException.class, () -> change(caller, "password-u1"));
        assertEquals(403, refused.status());
        assertEquals("forbidden", refused.code());
    }

    @Test
    void aMissingFieldIsABadBody() {
        ApiException bad = assertThrows(ApiException.class,
                () -> passwords.change(new PasswordResource.PasswordChange("password-u1", null), Requests.caller("u1", Set.of("user")), from("192.0.2.7")));
        assertEquals(400, bad.status());
        assertEquals("invalid_body", bad.code());
        assertThrows(ApiException.class, () -> passwords.change(null, Requests.caller("u1", Set.of("user")), from("192.0.2.7")));
    }
}
