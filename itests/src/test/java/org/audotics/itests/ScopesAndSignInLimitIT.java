package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scopes per endpoint and the limit on failed sign-ins, through the built distribution on PostgreSQL and
 * Redis. A server of its own: its limits are small (3 failures per email, 8 per address, all requests
 * come from 127.0.0.1) and it restarts to show the counters outlive the process (they are in Redis).
 * The scope tests run first, while the address has failed nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScopesAndSignInLimitIT {

    private static final String PASSWORD = "a tune only I hum, twice";
    private static final int PER_ACCOUNT = 3;
    private static final int PER_ADDRESS = 8;

    private static TestDatabase database;
    private static AudoticsServer server;
    private static String trackId;
    private static String bob;

    @BeforeAll
    static void start() throws Exception {
        database = new TestDatabase();
        String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        server = AudoticsServer.start("scopes-signin", Map.of(
                "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                "org.audotics.auth", "admin.token = " + AudoticsServer.ADMIN_TOKEN + "\nsignin.max.failures.per.account = " + PER_ACCOUNT
                        + "\nsignin.max.failures.per.address = " + PER_ADDRESS
                        // windows are aligned to the epoch: a day-long one ends only at midnight UTC, not between
                        // the failures and the checks (a 900 s window ended at 17:30 during a CI run and the counts were gone)
                        + "\nsignin.window.seconds = 86400\n"), true);
        HttpAnswer imported = server.importLines("{\"external_id\":\"scope-1\",\"name\":\"Sco\",\"artists\":[{\"name\":\"S\"}],\"duration_ms\":1000}");
        assertEquals(200, imported.status(), imported.toString());
        trackId = imported.json().get("tracks").get(0).get("id").asText();
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

    private static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@scopes-it.example.org";
    }

    private static String register(String name) throws Exception {
        String email = email(name);
        HttpAnswer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
                        + "\", \"display_name\": \"" + name + "\"}")));
        assertEquals(201, answer.status(), answer.toString());
        return email;
    }

    private static HttpAnswer signIn(String email, String password, String scope) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "password");
        fields.put("username", email);
        fields.put("password", password);
        if (scope != null) {
            fields.put("scope", scope);
        }
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String token(String email, String scope) throws Exception {
        HttpAnswer answer = signIn(email, PASSWORD, scope);
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().get("access_token").asText();
    }

    private static HttpAnswer me(String method, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return server.send(request);
    }

    private static void assertInsufficientScope(HttpAnswer answer, String scope) {
        assertEquals(403, answer.status(), answer.toString());
        assertEquals("insufficient_scope", answer.errorCode(), answer.toString());
        assertEquals(403, answer.json().get("error").get("status").asInt());
        assertTrue(answer.errorMessage().contains(scope), answer.toString());
        assertEquals("Bearer realm=\"audotics\", error=\"insufficient_scope\", scope=\"" + scope + "\"", answer.header("WWW-Authenticate"));
    }

    private static void assertTooManyAttempts(HttpAnswer answer) {
        assertEquals(429, answer.status(), answer.toString());
        assertEquals("too_many_attempts", answer.json().get("error").asText(), answer.toString());
        assertFalse(answer.json().get("error_description").asText().isBlank());
        assertNotNull(answer.header("Retry-After"), answer.toString());
        long seconds = Long.parseLong(answer.header("Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 86_400, answer.header("Retry-After"));
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    private static void assertWrongCredentials(HttpAnswer answer) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("invalid_grant", answer.json().get("error").asText(), answer.toString());
    }

    @Test
    @Order(1)
    void aTokenAskedForWithANarrowerScopeCarriesOnlyThatScope() throws Exception {
        String ada = register("ada");
        HttpAnswer narrow = signIn(ada, PASSWORD, "user-read-private");
        assertEquals(200, narrow.status(), narrow.toString());
        assertEquals("user-read-private", narrow.json().get("scope").asText());
        String token = narrow.json().get("access_token").asText();

        HttpAnswer read = me("GET", token, null);
        assertEquals(200, read.status(), read.toString());
        assertEquals("ada", read.json().get("display_name").asText());
        assertFalse(read.json().has("email"), "no user-read-email, no email: " + read);

        assertInsufficientScope(me("PUT", token, "{\"display_name\": \"Ada L\"}"), "user-modify-private");
        assertInsufficientScope(me("DELETE", token, null), "user-modify-private");
        assertEquals("ada", me("GET", token, null).json().get("display_name").asText(), "nothing changed");

        HttpAnswer withEmail = me("GET", token(ada, "user-read-email user-read-private"), null);
        assertEquals(ada, withEmail.json().get("email").asText(), withEmail.toString());
    }

    @Test
    @Order(2)
    void aUsersOwnTokenCarriesEveryUserScopeAndReadsChangesAndDeletes() throws Exception {
        String grace = register("grace");
        HttpAnswer full = signIn(grace, PASSWORD, null);
        assertEquals(200, full.status(), full.toString());
        for (String scope : new String[] {"user-read-private", "user-read-email", "user-modify-private", "playlist-read-private"}) {
            assertTrue((" " + full.json().get("scope").asText() + " ").contains(" " + scope + " "), full.toString());
        }
        String token = full.json().get("access_token").asText();
        assertEquals(grace, me("GET", token, null).json().get("email").asText());
        HttpAnswer changed = me("PUT", token, "{\"display_name\": \"Grace H\"}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("Grace H", changed.json().get("display_name").asText());

        String modifyOnly = token(grace, "user-modify-private");
        assertInsufficientScope(me("GET", modifyOnly, null), "user-read-private");
        assertEquals(204, me("DELETE", modifyOnly, null).status());
        assertEquals(401, me("GET", token, null).status(), "the account is gone");
    }

    @Test
    @Order(3)
    void anUnknownScopeIsInvalidScopeAndAnonymousCatalogReadsStillWork() throws Exception {
        String linus = register("linus");
        HttpAnswer unknown = signIn(linus, PASSWORD, "user-read-private admin-everything");
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("invalid_scope", unknown.json().get("error").asText());
        assertTrue(unknown.json().get("error_description").asText().contains("admin-everything"), unknown.toString());

        assertEquals(401, server.getAnonymously("/v1/tracks/" + trackId).status());
        assertEquals(401, server.getAnonymously("/v1/me").status());
        HttpAnswer admin = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
        assertEquals(403, admin.status(), admin.toString());
        assertEquals("forbidden", admin.errorCode(), "the admin token is refused for its role, not a scope: " + admin);
    }

    @Test
    @Order(4)
    void afterTheMaximumOfWrongPasswordsEvenTheRightOneIs429AndAnUnknownEmailAnswersTheSame() throws Exception {
        bob = register("bob");
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertWrongCredentials(signIn(bob, "not the password", null));
        }
        assertTooManyAttempts(signIn(bob, "not the password", null));
        assertTooManyAttempts(signIn(bob, PASSWORD, null));
        assertTooManyAttempts(signIn(bob.toUpperCase(), PASSWORD, null));

        String nobody = email("nobody");
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertWrongCredentials(signIn(nobody, PASSWORD, null));
        }
        assertTooManyAttempts(signIn(nobody, PASSWORD, null));
    }

    @Test
    @Order(5)
    void theBlockOutlivesARestartBecauseTheCountsAreInRedis() throws Exception {
        server.crash();
        server.restart();
        assertTooManyAttempts(signIn(bob, PASSWORD, null));
    }

    @Test
    @Order(6)
    void anotherAccountFromTheSameAddressSignsInUntilTheAddressLimit() throws Exception {
        // six failures from 127.0.0.1 so far (bob's three, nobody's three); refused attempts are not counted
        String carol = register("carol");
        assertEquals(200, signIn(carol, PASSWORD, null).status());
        assertWrongCredentials(signIn(carol, "not the password", null));
        assertWrongCredentials(signIn(carol, "not the password", null));
        assertTooManyAttempts(signIn(carol, PASSWORD, null));
        assertTooManyAttempts(signIn(register("dave"), PASSWORD, null));
    }
}
