package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audotics as the authorization server of a third-party app, browserless, through the built distribution on
 * PostgreSQL and Redis: GET /v1/auth/authorize renders the sign-in and consent page, its form is posted with
 * the user's credentials, the 303 carries the code to the app's redirect URI (read from Location, never
 * followed), the code is exchanged with the PKCE verifier, the token reaches what its scopes allow and no
 * more, a refresh keeps app and scopes, and a replayed code revokes what it gave. Then each refusal. A server
 * of its own, for a short code lifetime ({@value #CODE_TTL_SECONDS} s).
 */
class AuthorizeIT {

    private static final int CODE_TTL_SECONDS = 5;
    private static final String PASSWORD = "a tune only I hum, twice";
    private static final String REDIRECT = "https://player.example.com/cb";
    private static final String OTHER_REDIRECT = "http://127.0.0.1:8000/cb";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([A-Za-z0-9_-]{43})\"");

    private static TestDatabase database;
    private static AudoticsServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        database = new TestDatabase();
        String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        server = AudoticsServer.start("authorize", Map.of(
                "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                "org.audotics.auth", "admin.token = " + AudoticsServer.ADMIN_TOKEN + "\nauthorize.code.ttl.seconds = " + CODE_TTL_SECONDS + "\n"), true);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** A person with an account, and an app registered by someone. */
    private record Person(String email, String ownToken) {
    }

    private record App(String clientId, String secret) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpAnswer token(Map<String, String> fields, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }

    private static Person person(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@authorize-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
                        + "\", \"display_name\": \"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        HttpAnswer own = token(Map.of("grant_type", "password", "username", email, "password", PASSWORD), null);
        assertEquals(200, own.status(), own.toString());
        return new Person(email, own.json().get("access_token").asText());
    }

    private static App app(Person owner, String name) throws Exception {
        HttpAnswer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/apps")).header("Authorization", "Bearer " + owner.ownToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": " + JSON.writeValueAsString(name)
                        + ", \"redirect_uris\": [\"" + REDIRECT + "\", \"" + OTHER_REDIRECT + "\"]}")));
        assertEquals(201, answer.status(), answer.toString());
        return new App(answer.json().get("client_id").asText(), answer.json().get("client_secret").asText());
    }

    private static String verifier() {
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static HttpResponse<String> authorize(Map<String, String> query, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/auth/authorize?" + form(query))).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private static Map<String, String> query(App app, String scope, String state, String verifier) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", REDIRECT);
        query.put("scope", scope);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return query;
    }

    private static String pendingId(HttpResponse<String> page) {
        Matcher found = PENDING.matcher(page.body());
        assertTrue(found.find(), page.body());
        return found.group(1);
    }

    private static HttpResponse<String> decide(String pending, String email, String password, String decision) throws Exception {
        return send(HttpRequest.newBuilder(server.uri("/v1/auth/authorize")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form(Map.of("pending", pending, "email", email,
                        "password", password, "decision", decision)))));
    }

    /** The query parameters of a redirect's Location, which must start with the redirect URI. */
    private static Map<String, String> redirected(HttpResponse<String> answer, int status, String redirectUri) {
        assertEquals(status, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri + "?"), location);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Through the consent page to a code. */
    private static String code(App app, Person person, String scope, String verifier) throws Exception {
        HttpResponse<String> page = authorize(query(app, scope, "st-1", verifier), "text/html");
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> back = redirected(decide(pendingId(page), person.email(), PASSWORD, "allow"), 303, REDIRECT);
        assertEquals("st-1", back.get("state"));
        return back.get("code");
    }

    private static Map<String, String> exchange(String code, String verifier, String redirectUri) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("code_verifier", verifier);
        if (redirectUri != null) {
            fields.put("redirect_uri", redirectUri);
        }
        return fields;
    }

    private static HttpAnswer call(String method, String path, String token) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static void assertOAuthError(HttpAnswer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(error, answer.json().get("error").asText(), answer.toString());
        assertFalse(answer.json().get("error_description").asText().isBlank(), answer.toString());
    }

    @Test
    void anAppGetsAUserTokenWithTheGrantedScopesOnlyRefreshesItAndAReplayedCodeRevokesWhatItGave() throws Exception {
        Person owner = person("olga");
        App app = app(owner, "Player <b>&</b> \"Friends\"");
        Person ada = person("ada");
        String me = call("GET", "/v1/me", ada.ownToken()).json().get("id").asText();
        String verifier = verifier();

        HttpResponse<String> page = authorize(query(app, "user-read-private", "xyz 1/2", verifier), "text/html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), page.headers().toString());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().toLowerCase().contains("charset=utf-8"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("form-action 'self'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertTrue(page.body().contains("Player &lt;b&gt;&amp;&lt;/b&gt; &quot;Friends&quot;"), page.body());
        assertFalse(page.body().contains("<b>&</b>"), page.body());
        assertTrue(page.body().contains("See your profile"), page.body());

        HttpResponse<String> allowed = decide(pendingId(page), ada.email(), PASSWORD, "allow");
        Map<String, String> back = redirected(allowed, 303, REDIRECT);
        assertEquals("xyz 1/2", back.get("state"));
        String code = back.get("code");
        assertTrue(code.length() >= 22, code);

        HttpAnswer exchanged = token(exchange(code, verifier, REDIRECT), app.basic());
        assertEquals(200, exchanged.status(), exchanged.toString());
        assertEquals("user-read-private", exchanged.json().get("scope").asText());
        assertEquals("no-store", exchanged.header("Cache-Control"));
        String access = exchanged.json().get("access_token").asText();
        String refresh = exchanged.json().get("refresh_token").asText();
        assertEquals(app.clientId(), claims(access).get("client_id").asText());
        assertEquals(me, claims(access).get("sub").asText());

        HttpAnswer profile = call("GET", "/v1/me", access);
        assertEquals(200, profile.status(), profile.toString());
        assertEquals(me, profile.json().get("id").asText());
        HttpAnswer notGranted = call("DELETE", "/v1/me", access);
        assertEquals(403, notGranted.status(), notGranted.toString());
        assertEquals("insufficient_scope", notGranted.errorCode(), notGranted.toString());
        assertEquals(403, call("GET", "/v1/apps", access).status(), "an app's token for a user does not manage apps");

        HttpAnswer noClient = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh), null);
        assertOAuthError(noClient, 401, "invalid_client");
        HttpAnswer refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh), app.basic());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals("user-read-private", refreshed.json().get("scope").asText());
        String refreshedAccess = refreshed.json().get("access_token").asText();
        assertEquals(app.clientId(), claims(refreshedAccess).get("client_id").asText());
        assertEquals(200, call("GET", "/v1/me", refreshedAccess).status());
        assertEquals(403, call("DELETE", "/v1/me", refreshedAccess).status());
        String nextRefresh = refreshed.json().get("refresh_token").asText();

        HttpAnswer replay = token(exchange(code, verifier, REDIRECT), app.basic());
        assertOAuthError(replay, 400, "invalid_grant");
        assertOAuthError(token(Map.of("grant_type", "refresh_token", "refresh_token", nextRefresh), app.basic()), 400, "invalid_grant");
        assertEquals(401, call("GET", "/v1/me", access).status(), "the first exchange's access token is revoked");
        assertEquals(200, call("GET", "/v1/me", ada.ownToken()).status(), "the user's own sign-in is untouched");
    }

    @Test
    void aWrongVerifierRedirectUriOrClientIsInvalidGrantAndSpendsTheCode() throws Exception {
        Person owner = person("pia");
        App app = app(owner, "Player");
        App other = app(owner, "Other");
        Person bo = person("bo");
        String verifier = verifier();

        String code = code(app, bo, "user-read-private", verifier);
        assertOAuthError(token(exchange(code, verifier(), REDIRECT), app.basic()), 400, "invalid_grant");
        assertOAuthError(token(exchange(code, verifier, REDIRECT), app.basic()), 400, "invalid_grant");

        code = code(app, bo, "user-read-private", verifier);
        assertOAuthError(token(exchange(code, verifier, OTHER_REDIRECT), app.basic()), 400, "invalid_grant");
        code = code(app, bo, "user-read-private", verifier);
        assertOAuthError(token(exchange(code, verifier, null), app.basic()), 400, "invalid_grant");

        code = code(app, bo, "user-read-private", verifier);
        assertOAuthError(token(exchange(code, verifier, REDIRECT), new App(app.clientId(), "wrong").basic()), 401, "invalid_client");
        assertOAuthError(token(exchange(code, verifier, REDIRECT), other.basic()), 400, "invalid_grant");
        assertOAuthError(token(exchange(code, verifier, REDIRECT), app.basic()), 400, "invalid_grant");

        code = code(app, bo, "user-read-private", verifier);
        assertOAuthError(token(exchange(code, "short", REDIRECT), app.basic()), 400, "invalid_request");
        Map<String, String> noVerifier = exchange(code, verifier, REDIRECT);
        noVerifier.remove("code_verifier");
        assertOAuthError(token(noVerifier, app.basic()), 400, "invalid_request");
        String body = form(exchange(code, verifier, REDIRECT)) + "&code=" + code;
        HttpAnswer repeated = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Authorization", app.basic())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertOAuthError(repeated, 400, "invalid_request");
        Map<String, String> byForm = exchange(code, verifier, REDIRECT);
        byForm.put("client_id", app.clientId());
        byForm.put("client_secret", app.secret());
        HttpAnswer good = token(byForm, null);
        assertEquals(200, good.status(), "the malformed requests did not spend the code: " + good);
    }

    @Test
    void anExpiredCodeIsInvalidGrant() throws Exception {
        App app = app(person("quinn"), "Player");
        Person cy = person("cy");
        String verifier = verifier();
        String code = code(app, cy, "", verifier);
        Thread.sleep((CODE_TTL_SECONDS + 1) * 1000L);
        assertOAuthError(token(exchange(code, verifier, REDIRECT), app.basic()), 400, "invalid_grant");
    }

    @Test
    void denyGoesBackWithAccessDeniedAndTheState() throws Exception {
        App app = app(person("rita"), "Player");
        HttpResponse<String> page = authorize(query(app, "user-top-read user-read-email", "s-42", verifier()), null);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> back = redirected(decide(pendingId(page), "", "", "deny"), 303, REDIRECT);
        assertEquals("access_denied", back.get("error"));
        assertEquals("s-42", back.get("state"));
        assertNull(back.get("code"));
    }

    @Test
    void aWrongPasswordShowsThePageAgainAndAPendingIdWorksOnce() throws Exception {
        App app = app(person("sam"), "Player");
        Person di = person("di");
        String verifier = verifier();
        HttpResponse<String> page = authorize(query(app, "user-read-private", "s", verifier), "text/html");
        String first = pendingId(page);
        HttpResponse<String> wrong = decide(first, di.email(), "not the password", "allow");
        assertEquals(200, wrong.statusCode(), wrong.body());
        assertTrue(wrong.headers().firstValue("Location").isEmpty());
        assertTrue(wrong.body().contains("The email or password is wrong."), wrong.body());
        String second = pendingId(wrong);
        assertNotEquals(first, second);
        HttpResponse<String> reused = decide(first, di.email(), PASSWORD, "allow");
        assertEquals(400, reused.statusCode(), reused.body());
        assertTrue(reused.headers().firstValue("Location").isEmpty());
        Map<String, String> back = redirected(decide(second, di.email(), PASSWORD, "allow"), 303, REDIRECT);
        assertEquals(200, token(exchange(back.get("code"), verifier, REDIRECT), app.basic()).status());
    }

    @Test
    void anUnknownClientOrABadRedirectUriIsNeverRedirected() throws Exception {
        App app = app(person("tom"), "Player");
        Map<String, String> unknown = query(app, "user-read-private", "s", verifier());
        unknown.put("client_id", "AAAAAAAAAAAAAAAAAAAAAA");
        HttpResponse<String> html = authorize(unknown, "text/html");
        assertEquals(400, html.statusCode(), html.body());
        assertTrue(html.headers().firstValue("Location").isEmpty());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        HttpResponse<String> json = authorize(unknown, "application/json");
        assertEquals(400, json.statusCode(), json.body());
        assertEquals("invalid_client", JSON.readTree(json.body()).get("error").get("code").asText(), json.body());

        Map<String, String> elsewhere = query(app, "user-read-private", "s", verifier());
        elsewhere.put("redirect_uri", "https://evil.example.com/cb");
        Map<String, String> prefix = query(app, "user-read-private", "s", verifier());
        prefix.put("redirect_uri", REDIRECT + "/more");
        Map<String, String> omitted = query(app, "user-read-private", "s", verifier());
        omitted.remove("redirect_uri");
        for (Map<String, String> query : java.util.List.of(elsewhere, prefix, omitted)) {
            HttpResponse<String> refused = authorize(query, "application/json");
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Location").isEmpty(), query.toString());
            assertEquals("invalid_request", JSON.readTree(refused.body()).get("error").get("code").asText(), refused.body());
        }
    }

    @Test
    void laterErrorsGoBackToTheRedirectUriWithTheState() throws Exception {
        App app = app(person("una"), "Player");
        Map<String, String> token = query(app, "user-read-private", "s-7", verifier());
        token.put("response_type", "token");
        Map<String, String> bogusScope = query(app, "user-read-private bogus-scope", "s-7", verifier());
        Map<String, String> plain = query(app, "user-read-private", "s-7", verifier());
        plain.put("code_challenge_method", "plain");
        Map<String, String> noPkce = query(app, "user-read-private", "s-7", verifier());
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("unsupported_response_type", token);
        cases.put("invalid_scope", bogusScope);
        cases.put("invalid_request", plain);
        cases.put("invalid_request ", noPkce);
        for (Map.Entry<String, Map<String, String>> refused : cases.entrySet()) {
            Map<String, String> back = redirected(authorize(refused.getValue(), "text/html"), 302, REDIRECT);
            assertEquals(refused.getKey().strip(), back.get("error"), back.toString());
            assertEquals("s-7", back.get("state"));
            assertFalse(back.get("error_description").isBlank());
        }
        String repeatedScope = "/v1/auth/authorize?" + form(query(app, "user-read-private", "s-7", verifier())) + "&scope=user-top-read";
        Map<String, String> back = redirected(send(HttpRequest.newBuilder(server.uri(repeatedScope)).GET()), 302, REDIRECT);
        assertEquals("invalid_request", back.get("error"));
    }
}
