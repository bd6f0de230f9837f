package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.internal.apps.Apps;
import org.audotics.auth.internal.apps.AppsTest;
import org.audotics.auth.internal.authorize.AuthorizationCodes;
import org.audotics.auth.internal.authorize.AuthorizeResource;
import org.audotics.auth.internal.authorize.PendingAuthorizations;
import org.audotics.auth.internal.authorize.Pkce;
import org.audotics.http.api.ErrorBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization code flow end to end below HTTP: GET and POST /v1/auth/authorize, then the
 * authorization_code grant and its refreshes, with every refusal on the way.
 */
class AuthorizationCodeFlowTest {

    private static final String ADDRESS = "192.0.2.7";
    private static final String REDIRECT = "https://player.example.com/cb";
    private static final String OTHER_REDIRECT = "http://127.0.0.1:8000/cb";
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K8TqUagA8ByHkCkvFO9mDkLNXk";
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([A-Za-z0-9_-]{43})\"");

    @TempDir
    Path data;

    private TokenFixture fixture;
    private AuthorizationCodes codes;
    private AuthorizeResource authorize;
    private TokenResource token;
    private Apps.Registered app;
    private Apps.Registered other;

    @BeforeEach
    void open() throws Exception {
        fixture = new TokenFixture(data);
        fixture.apps.owned("nobody"); // creates the tables
        AppsTest.addAccount(fixture.database, "u1");
        AppsTest.addAccount(fixture.database, "admin1");
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
        fixture.accounts.add("admin1", "root@example.com", Set.of("user", "admin"));
        app = fixture.apps.register("u1", "Player <i>", List.of(REDIRECT, OTHER_REDIRECT));
        other = fixture.apps.register("u1", "Other", List.of(REDIRECT));
        SignInLimiter limiter = new SignInLimiter(new CountingCache(), 3, 50, 900, fixture.clock);
        codes = new AuthorizationCodes(fixture.database, Duration.ofSeconds(60), fixture.clock);
        authorize = new AuthorizeResource(new PendingAuthorizations(fixture.database, Duration.ofSeconds(600), fixture.clock), codes, limiter,
                fixture.apps, fixture.accounts);
        token = new TokenResource(fixture.tokens, fixture.refreshTokens, limiter, fixture.revoked);
        token.accounts = fixture.accounts;
        token.apps = fixture.apps;
        token.codes = codes;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, String> query(String scope) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.app().clientId());
        query.put("redirect_uri", REDIRECT);
        query.put("scope", scope);
        query.put("state", "st&1");
        query.put("code_challenge", Pkce.challenge(VERIFIER));
        query.put("code_challenge_method", "S256");
        return query;
    }

    private static MultivaluedMap<String, String> multi(Map<String, String> query) {
        MultivaluedMap<String, String> multi = new MultivaluedHashMap<>();
        query.forEach(multi::add);
        return multi;
    }

    private Response get(Map<String, String> query) {
        return authorize.authorize(multi(query), "text/html,application/xhtml+xml");
    }

    private static String pending(Response page) {
        Matcher found = PENDING.matcher((String) page.getEntity());
        assertTrue(found.find(), (String) page.getEntity());
        return found.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private Response post(String pending, String email, String password, String decision) {
        return authorize.decide(form(Map.of("pending", pending, "email", email, "password", password, "decision", decision)), ADDRESS);
    }

    private static Map<String, String> redirected(Response answer, int status, String redirectUri) {
        assertEquals(status, answer.getStatus(), String.valueOf(answer.getEntity()));
        URI location = answer.getLocation();
        assertTrue(location.toString().startsWith(redirectUri + "?"), location.toString());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private String code(String scope, String email, String password) {
        Map<String, String> back = redirected(post(pending(get(query(scope))), email, password, "allow"), 303, REDIRECT);
        assertEquals("st&1", back.get("state"));
        return back.get("code");
    }

    private String code(String scope) {
        return code(scope, "ada@example.com", "password-u1");
    }

    private static String basic(Apps.Registered client) {
        return "Basic " + Base64.getEncoder().encodeToString((client.app().clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    private TokenResource.TokenAnswer exchange(String code, String verifier, String redirectUri, Apps.Registered client) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        if (redirectUri != null) {
            form.put("redirect_uri", redirectUri);
        }
        return token.grant(form, basic(client), ADDRESS);
    }

    private TokenResource.TokenAnswer refresh(String refreshToken, String authorization) {
        return token.grant(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), authorization, ADDRESS);
    }

    private static void assertOAuthError(int status, String error, Executable call) {
        OAuthError e = assertThrows(OAuthError.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(error, e.error(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    // ----- GET /v1/auth/authorize -----

    @Test
    void aValidRequestIsAnsweredWithTheConsentPageAndItsSecurityHeaders() {
        Response page = get(query("user-read-private user-top-read"));
        assertEquals(200, page.getStatus());
        assertEquals("text/html;charset=UTF-8", page.getMediaType().toString().replace(" ", ""));
        String csp = page.getHeaderString("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://player.example.com;"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.getHeaderString("X-Frame-Options"));
        assertEquals("no-store", page.getHeaderString("Cache-Control"));
        assertEquals("no-referrer", page.getHeaderString("Referrer-Policy"));
        String html = (String) page.getEntity();
        assertTrue(html.contains("Player &lt;i&gt;") && !html.contains("Player <i>"), html);
        assertTrue(html.contains("See your top artists and tracks."), html);
        assertNotEquals(pending(page), pending(get(query("user-read-private"))));
    }

    @Test
    void withoutAValidClientOrRedirectUriNothingIsRedirected() {
        Map<String, String> noClient = query("");
        noClient.remove("client_id");
        Map<String, String> unknown = query("");
        unknown.put("client_id", "AAAAAAAAAAAAAAAAAAAAAA");
        Map<String, String> malformed = query("");
        malformed.put("client_id", "x");
        Map<String, String> unregistered = query("");
        unregistered.put("redirect_uri", "https://evil.example.com/cb");
        Map<String, String> longer = query("");
        longer.put("redirect_uri", REDIRECT + "/");
        Map<String, String> omittedOfTwo = query("");
        omittedOfTwo.remove("redirect_uri");
        for (Map<String, String> query : List.of(noClient, unknown, malformed, unregistered, longer, omittedOfTwo)) {
            Response html = get(query);
            assertEquals(400, html.getStatus(), query.toString());
            assertNull(html.getLocation(), query.toString());
            assertTrue(html.getMediaType().toString().startsWith("text/html"));
            assertEquals("DENY", html.getHeaderString("X-Frame-Options"));
            Response json = authorize.authorize(multi(query), "application/json");
            assertEquals(400, json.getStatus());
            ErrorBody body = (ErrorBody) json.getEntity();
            assertEquals(query == noClient || query == unknown || query == malformed ? "invalid_client" : "invalid_request", body.error().code(),
                    query.toString());
        }
        MultivaluedMap<String, String> twoClients = multi(query(""));
        twoClients.add("client_id", other.app().clientId());
        MultivaluedMap<String, String> twoRedirects = multi(query(""));
        twoRedirects.add("redirect_uri", OTHER_REDIRECT);
        for (MultivaluedMap<String, String> repeated : List.of(twoClients, twoRedirects)) {
            Response answer = authorize.authorize(repeated, "application/json");
            assertEquals(400, answer.getStatus());
            assertNull(answer.getLocation());
            assertTrue(((ErrorBody) answer.getEntity()).error().message().contains("repeated"));
        }
    }

    @Test
    void theOnlyRegisteredRedirectUriMayBeOmitted() {
        Map<String, String> query = query("");
        query.put("client_id", other.app().clientId());
        query.remove("redirect_uri");
        Response page = get(query);
        assertEquals(200, page.getStatus());
        Map<String, String> back = redirected(post(pending(page), "ada@example.com", "password-u1", "allow"), 303, REDIRECT);
        assertEquals("user", fixture.authenticator.authenticate(exchange(back.get("code"), VERIFIER, null, other).accessToken()).orElseThrow()
                .roles().iterator().next());
    }

    @Test
    void afterTheRedirectUriIsKnownErrorsGoBackToItWithTheState() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        Map<String, String> noType = query("");
        noType.remove("response_type");
        cases.put("invalid_request: no response_type", noType);
        Map<String, String> tokenType = query("");
        tokenType.put("response_type", "token");
        cases.put("unsupported_response_type", tokenType);
        cases.put("invalid_scope", query("user-read-private admin"));
        Map<String, String> noChallenge = query("");
        noChallenge.remove("code_challenge");
        cases.put("invalid_request: no challenge", noChallenge);
        Map<String, String> noMethod = query("");
        noMethod.remove("code_challenge_method");
        cases.put("invalid_request: no method", noMethod);
        Map<String, String> plain = query("");
        plain.put("code_challenge_method", "plain");
        cases.put("invalid_request: plain", plain);
        Map<String, String> shortChallenge = query("");
        shortChallenge.put("code_challenge", "abc");
        cases.put("invalid_request: malformed challenge", shortChallenge);
        for (Map.Entry<String, Map<String, String>> refused : cases.entrySet()) {
            Map<String, String> back = redirected(get(refused.getValue()), 302, REDIRECT);
            assertEquals(refused.getKey().split(":")[0], back.get("error"), refused.getKey());
            assertEquals("st&1", back.get("state"), refused.getKey());
            assertFalse(back.get("error_description").isBlank());
            assertNull(back.get("code"));
        }
        MultivaluedMap<String, String> repeated = multi(query("user-read-private"));
        repeated.add("scope", "user-top-read");
        assertEquals("invalid_request", redirected(authorize.authorize(repeated, null), 302, REDIRECT).get("error"));
        Map<String, String> longState = query("");
        longState.put("state", "s".repeat(1001));
        Map<String, String> back = redirected(get(longState), 302, REDIRECT);
        assertEquals("invalid_request", back.get("error"));
        assertNull(back.get("state"));
    }

    // ----- POST /v1/auth/authorize -----

    @Test
    void denyGoesBackWithAccessDeniedWithoutSigningIn() {
        Map<String, String> back = redirected(post(pending(get(query("user-read-private"))), "", "", "deny"), 303, REDIRECT);
        assertEquals("access_denied", back.get("error"));
        assertEquals("st&1", back.get("state"));
        assertNull(back.get("code"));
    }

    @Test
    void aWrongPasswordShowsThePageAgainWithANewPendingIdAndThePendingIdIsUsedOnce() {
        String first = pending(get(query("user-read-private")));
        Response again = post(first, "ada@example.com", "wrong", "allow");
        assertEquals(200, again.getStatus());
        assertNull(again.getLocation());
        String html = (String) again.getEntity();
        assertTrue(html.contains("The email or password is wrong."), html);
        assertTrue(html.contains("value=\"ada@example.com\""), html);
        String second = pending(again);
        assertNotEquals(first, second);
        Response reused = post(first, "ada@example.com", "password-u1", "allow");
        assertEquals(400, reused.getStatus());
        assertNull(reused.getLocation());
        assertEquals("no-store", reused.getHeaderString("Cache-Control"));
        assertEquals(303, post(second, "ada@example.com", "password-u1", "allow").getStatus());
        assertEquals(400, post(second, "ada@example.com", "password-u1", "allow").getStatus());
    }

    @Test
    void failedSignInsOnThePageCountLikeThePasswordGrant() {
        String pending = pending(get(query("user-read-private")));
        for (int i = 0; i < 3; i++) {
            pending = pending(post(pending, "ada@example.com", "wrong", "allow"));
        }
        int checked = fixture.accounts.passwordChecks.get();
        Response limited = post(pending, "ada@example.com", "password-u1", "allow");
        assertEquals(429, limited.getStatus());
        assertEquals("900", limited.getHeaderString("Retry-After"));
        assertTrue(((String) limited.getEntity()).contains("Too many failed sign-ins"));
        assertEquals(checked, fixture.accounts.passwordChecks.get());
        assertOAuthError(429, "too_many_attempts", () -> token.grant(Map.of("grant_type", "password", "username", "ada@example.com",
                "password", "password-u1"), ADDRESS));
    }

    @Test
    void aMissingOrUnreadableFormIsAPageNotARedirect() {
        for (String body : new String[] {"", "pending=%zz", "pending=a&pending=b", "email=ada%40example.com"}) {
            Response answer = authorize.decide(body, ADDRESS);
            assertEquals(400, answer.getStatus(), body);
            assertNull(answer.getLocation(), body);
            assertTrue(answer.getMediaType().toString().startsWith("text/html"), body);
        }
        String pending = pending(get(query("user-read-private")));
        Response noDecision = authorize.decide(form(Map.of("pending", pending, "email", "ada@example.com", "password", "password-u1")), ADDRESS);
        assertEquals(200, noDecision.getStatus());
        Response noPassword = authorize.decide(form(Map.of("pending", pending(noDecision), "email", "ada@example.com", "decision", "allow")),
                ADDRESS);
        assertEquals(200, noPassword.getStatus());
        assertTrue(((String) noPassword.getEntity()).contains("Enter your email and password."));
    }

    // ----- grant_type=authorization_code -----

    @Test
    void theCodeGivesAnAppTokenForTheUserWithTheGrantedScopesAndARefreshThatKeepsThem() {
        TokenResource.TokenAnswer answer = exchange(code("user-read-private user-top-read"), VERIFIER, REDIRECT, app);
        assertEquals("user-read-private user-top-read", answer.scope());
        AuthenticatedUser user = fixture.authenticator.authenticate(answer.accessToken()).orElseThrow();
        assertEquals("u1", user.id());
        assertEquals(app.app().clientId(), user.appId());
        assertEquals(Set.of("user-read-private", "user-top-read"), user.scopes());
        assertEquals(Set.of("user"), user.roles());

        TokenResource.TokenAnswer refreshed = refresh(answer.refreshToken(), basic(app));
        assertEquals("user-read-private user-top-read", refreshed.scope());
        AuthenticatedUser again = fixture.authenticator.authenticate(refreshed.accessToken()).orElseThrow();
        assertEquals(app.app().clientId(), again.appId());
        assertEquals(user.scopes(), again.scopes());
        TokenResource.TokenAnswer narrowed = token.grant(Map.of("grant_type", "refresh_token", "refresh_token", refreshed.refreshToken(),
                "scope", "user-top-read"), basic(app), ADDRESS);
        assertEquals("user-top-read", narrowed.scope());
        assertOAuthError(400, "invalid_scope", () -> token.grant(Map.of("grant_type", "refresh_token", "refresh_token",
                narrowed.refreshToken(), "scope", "user-read-email"), basic(app), ADDRESS));
    }

    @Test
    void noScopeGivesATokenWithoutScopes() {
        TokenResource.TokenAnswer answer = exchange(code(""), VERIFIER, REDIRECT, app);
        assertEquals("", answer.scope());
        assertEquals(Set.of(), fixture.authenticator.authenticate(answer.accessToken()).orElseThrow().scopes());
    }

    @Test
    void anAppNeverGetsTheAdminRole() {
        String code = code("user-read-private", "root@example.com", "password-admin1");
        AuthenticatedUser user = fixture.authenticator.authenticate(exchange(code, VERIFIER, REDIRECT, app).accessToken()).orElseThrow();
        assertEquals(Set.of("user"), user.roles());
    }

    @Test
    void anAppFamilyIsRefreshedOnlyByItsAuthenticatedClient() {
        TokenResource.TokenAnswer answer = exchange(code("user-read-private"), VERIFIER, REDIRECT, app);
        assertOAuthError(401, "invalid_client", () -> refresh(answer.refreshToken(), null));
        assertOAuthError(401, "invalid_client", () -> refresh(answer.refreshToken(), "Basic " + Base64.getEncoder()
                .encodeToString((app.app().clientId() + ":wrong").getBytes(StandardCharsets.UTF_8))));
        assertOAuthError(400, "invalid_grant", () -> refresh(answer.refreshToken(), basic(other)));
        assertEquals("user-read-private", refresh(answer.refreshToken(), basic(app)).scope(), "the refusals did not spend the token");
    }

    @Test
    void aReplayedCodeIsInvalidGrantAndRevokesTheFirstRedemptionsTokens() {
        String code = code("user-read-private");
        TokenResource.TokenAnswer first = exchange(code, VERIFIER, REDIRECT, app);
        assertTrue(fixture.authenticator.authenticate(first.accessToken()).isPresent());
        assertOAuthError(400, "invalid_grant", () -> exchange(code, VERIFIER, REDIRECT, app));
        assertOAuthError(400, "invalid_grant", () -> refresh(first.refreshToken(), basic(app)));
        assertTrue(fixture.authenticator.authenticate(first.accessToken()).isEmpty(), "the access token is on the deny-list");
    }

    @Test
    void aRefreshedFamilyIsRevokedByAReplayToo() {
        String code = code("user-read-private");
        TokenResource.TokenAnswer first = exchange(code, VERIFIER, REDIRECT, app);
        TokenResource.TokenAnswer refreshed = refresh(first.refreshToken(), basic(app));
        assertOAuthError(400, "invalid_grant", () -> exchange(code, VERIFIER, REDIRECT, app));
        assertOAuthError(400, "invalid_grant", () -> refresh(refreshed.refreshToken(), basic(app)));
    }

    @Test
    void eachBadTokenRequestIsItsOAuthError() {
        String code = code("user-read-private");
        assertOAuthError(400, "invalid_request", () -> exchange(code, null, REDIRECT, app));
        assertOAuthError(400, "invalid_request", () -> exchange(code, "too-short", REDIRECT, app));
        assertOAuthError(400, "invalid_request", () -> exchange(code, VERIFIER + "+", REDIRECT, app));
        assertOAuthError(400, "invalid_request", () -> exchange(code, VERIFIER, "", app));
        assertOAuthError(400, "invalid_request", () -> token.grant(Map.of("grant_type", "authorization_code", "code_verifier", VERIFIER),
                basic(app), ADDRESS));
        assertOAuthError(401, "invalid_client", () -> token.grant(Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", VERIFIER), null, ADDRESS));
        assertOAuthError(400, "invalid_request", () -> token.grant(Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", VERIFIER, "client_id", app.app().clientId()), basic(app), ADDRESS));
        assertOAuthError(400, "invalid_grant", () -> exchange("A".repeat(43), VERIFIER, REDIRECT, app));
        assertOAuthError(400, "invalid_request", () -> TokenResource.fields("grant_type=authorization_code&code=a&code=b"));
        // none of the above spent the code
        assertEquals("user-read-private", exchange(code, VERIFIER, REDIRECT, app).scope());
    }

    @Test
    void aWrongVerifierRedirectUriClientOrAnExpiredCodeIsInvalidGrant() {
        String wrongVerifier = code("user-read-private");
        assertOAuthError(400, "invalid_grant", () -> exchange(wrongVerifier, "a".repeat(43), REDIRECT, app));
        assertOAuthError(400, "invalid_grant", () -> exchange(wrongVerifier, VERIFIER, REDIRECT, app));
        String wrongRedirect = code("user-read-private");
        assertOAuthError(400, "invalid_grant", () -> exchange(wrongRedirect, VERIFIER, OTHER_REDIRECT, app));
        String omittedRedirect = code("user-read-private");
        assertOAuthError(400, "invalid_grant", () -> exchange(omittedRedirect, VERIFIER, null, app));
        String wrongClient = code("user-read-private");
        assertOAuthError(400, "invalid_grant", () -> exchange(wrongClient, VERIFIER, REDIRECT, other));
        String expired = code("user-read-private");
        fixture.clock.advance(Duration.ofSeconds(61));
        assertOAuthError(400, "invalid_grant", () -> exchange(expired, VERIFIER, REDIRECT, app));
    }

    @Test
    void withoutTheCodeServiceTheGrantIs503AndTheUnsupportedGrantMessageNamesIt() {
        token.codes = null;
        assertOAuthError(503, "temporarily_unavailable", () -> exchange("A".repeat(43), VERIFIER, REDIRECT, app));
        OAuthError unsupported = assertThrows(OAuthError.class, () -> token.grant(Map.of("grant_type", "implicit"), ADDRESS));
        assertTrue(unsupported.getMessage().contains("authorization_code"), unsupported.getMessage());
        OAuthError missing = assertThrows(OAuthError.class, () -> token.grant(Map.of(), ADDRESS));
        assertTrue(missing.getMessage().contains("authorization_code"), missing.getMessage());
    }

    @Test
    void aDeletedAppsUserTokensAreRefused() {
        TokenResource.TokenAnswer answer = exchange(code("user-read-private"), VERIFIER, REDIRECT, app);
        assertTrue(fixture.authenticator.authenticate(answer.accessToken()).isPresent());
        assertTrue(fixture.apps.delete("u1", app.app().clientId()));
        assertTrue(fixture.authenticator.authenticate(answer.accessToken()).isEmpty());
        assertOAuthError(401, "invalid_client", () -> refresh(answer.refreshToken(), basic(app)));
    }
}
