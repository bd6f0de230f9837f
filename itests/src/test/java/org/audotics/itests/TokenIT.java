package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
 * Tokens through the built distribution on PostgreSQL and Redis: the JWKS (and that a restart keeps its
 * keys), the OAuth token and revocation endpoints' answers to bad requests, and that the admin token and
 * that anonymous reads are refused while the admin token keeps working beside the JWT authenticator. A server of its own, because it restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenIT {

    private static TestDatabase database;
    private static AudoticsServer server;
    private static String trackId;

    @BeforeAll
    static void start() throws Exception {
        database = new TestDatabase();
        String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        server = AudoticsServer.start("tokens", Map.of(
                "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n"), true);
        HttpAnswer imported = server.importLines("{\"external_id\":\"token-1\",\"name\":\"Tok\",\"artists\":[{\"name\":\"T\"}],\"duration_ms\":1000}");
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

    private static HttpAnswer post(String path, String contentType, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpAnswer form(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body);
    }

    /** OAuth's error body (RFC 6749 section 5.2), never cached. */
    private static void assertOAuthError(HttpAnswer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(error, answer.json().get("error").asText(), answer.toString());
        assertFalse(answer.json().get("error_description").asText().isBlank(), answer.toString());
        assertEquals("no-store", answer.header("Cache-Control"), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.toString());
    }

    private static JsonNode jwks() throws Exception {
        HttpAnswer answer = server.get("/.well-known/jwks.json");
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.toString());
        return answer.json();
    }

    @Test
    @Order(1)
    void theJwksPublishesOnePublicRsaKey() throws Exception {
        JsonNode keys = jwks().get("keys");
        assertEquals(1, keys.size(), keys.toString());
        JsonNode key = keys.get(0);
        assertEquals("RSA", key.get("kty").asText());
        assertEquals("RS256", key.get("alg").asText());
        assertEquals("sig", key.get("use").asText());
        assertFalse(key.get("kid").asText().isBlank());
        assertTrue(key.has("n") && key.has("e"));
        assertFalse(key.has("d") || key.has("p") || key.has("q"), "no private part: " + key);
    }

    @Test
    @Order(2)
    void missingAndUnknownGrantTypesAreOAuthErrors() throws Exception {
        assertOAuthError(form("/v1/auth/token", Map.of("username", "a@example.com")), 400, "invalid_request");
        assertOAuthError(form("/v1/auth/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code")), 400, "unsupported_grant_type");
        assertOAuthError(post("/v1/auth/token", "application/x-www-form-urlencoded", ""), 400, "invalid_request");
    }

    @Test
    @Order(3)
    void aBadRefreshTokenIsInvalidGrant() throws Exception {
        assertOAuthError(form("/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", "not-a-token-of-ours")), 400, "invalid_grant");
        assertOAuthError(form("/v1/auth/token", Map.of("grant_type", "refresh_token")), 400, "invalid_request");
    }

    @Test
    @Order(4)
    void repeatedOrControlCharacterParametersAreInvalidRequests() throws Exception {
        assertOAuthError(post("/v1/auth/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&grant_type=password"),
                400, "invalid_request");
        HttpAnswer nul = post("/v1/auth/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=a%00b");
        assertOAuthError(nul, 400, "invalid_request");
        assertTrue(nul.json().get("error_description").asText().contains("'refresh_token'"), nul.toString());
        for (String malformed : new String[] {"grant_type=%zz", "grant_type=refresh_token&refresh_token=%", "%E0%A4%A=x"}) {
            assertOAuthError(post("/v1/auth/token", "application/x-www-form-urlencoded", malformed), 400, "invalid_request");
        }
        assertOAuthError(post("/v1/auth/revoke", "application/x-www-form-urlencoded", "token=%zz"), 400, "invalid_request");
    }

    @Test
    @Order(5)
    void aJsonBodyIs415() throws Exception {
        HttpAnswer answer = post("/v1/auth/token", "application/json", "{\"grant_type\":\"password\"}");
        assertEquals(415, answer.status(), answer.toString());
        assertEquals("unsupported_media_type", answer.errorCode(), answer.toString());
        assertEquals(415, post("/v1/auth/revoke", "application/json", "{\"token\":\"x\"}").status());
    }

    @Test
    @Order(6)
    void revocationAnswers200ForAnyWellFormedRequest() throws Exception {
        HttpAnswer unknown = form("/v1/auth/revoke", Map.of("token", "whatever-this-is", "token_type_hint", "refresh_token"));
        assertEquals(200, unknown.status(), unknown.toString());
        assertEquals(200, form("/v1/auth/revoke", Map.of("token", "a.b.c")).status());
        assertOAuthError(form("/v1/auth/revoke", Map.of("token_type_hint", "refresh_token")), 400, "invalid_request");
    }

    @Test
    @Order(7)
    void anonymousReadsAre401TheAdminTokenKeepsWorkingAndAForgedJwtIs401() throws Exception {
        HttpAnswer anonymous = server.getAnonymously("/v1/tracks/" + trackId);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals("unauthorized", anonymous.errorCode());
        assertEquals("Bearer realm=\"audotics\"", anonymous.header("WWW-Authenticate"));
        HttpAnswer admin = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + trackId))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
        assertEquals(200, admin.status(), admin.toString());
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.";
        HttpAnswer refused = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + trackId))
                .header("Authorization", "Bearer " + forged).GET());
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("unauthorized", refused.errorCode());
    }

    @Test
    @Order(8)
    void theSigningKeySurvivesARestart() throws Exception {
        JsonNode before = jwks();
        assertEquals(1, database.count("SELECT COUNT(*) FROM auth_signing_key"));
        assertFalse(database.count("SELECT COUNT(*) FROM auth_signing_key WHERE private_key LIKE '%MII%'") > 0, "encrypted at rest");
        server.crash();
        server.restart();
        assertEquals(before, jwks());
        assertEquals(1, database.count("SELECT COUNT(*) FROM auth_signing_key"));
    }

    @Test
    @Order(9)
    void thePasswordGrantGivesTokensThatWorkAndRotate() throws Exception {
        HttpAnswer registered = post("/v1/auth/register", "application/json",
                "{\"email\":\"Token.User@example.com\",\"password\":\"a long and unusual passphrase 42\",\"display_name\":\"Token User\"}");
        assertEquals(201, registered.status(), registered.toString());
        HttpAnswer wrong = form("/v1/auth/token", Map.of("grant_type", "password", "username", "token.user@example.com", "password", "wrong"));
        assertOAuthError(wrong, 400, "invalid_grant");
        HttpAnswer granted = form("/v1/auth/token", Map.of("grant_type", "password", "username", "token.user@example.com",
                "password", "a long and unusual passphrase 42"));
        assertEquals(200, granted.status(), granted.toString());
        assertEquals("no-store", granted.header("Cache-Control"));
        assertEquals("Bearer", granted.json().get("token_type").asText());
        assertEquals(3600, granted.json().get("expires_in").asInt());
        assertTrue(granted.json().get("scope").asText().contains("user-read-private"));
        String access = granted.json().get("access_token").asText();
        HttpAnswer read = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + trackId)).header("Authorization", "Bearer " + access).GET());
        assertEquals(200, read.status(), read.toString());

        String firstRefresh = granted.json().get("refresh_token").asText();
        HttpAnswer refreshed = form("/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", firstRefresh));
        assertEquals(200, refreshed.status(), refreshed.toString());
        String secondRefresh = refreshed.json().get("refresh_token").asText();
        assertNotEquals(firstRefresh, secondRefresh);
        assertOAuthError(form("/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", firstRefresh)), 400, "invalid_grant");
        assertOAuthError(form("/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", secondRefresh)), 400, "invalid_grant");
    }

    @Test
    @Order(10)
    void aUsersTokenReadsAndChangesItsOwnAccountAndDiesWithIt() throws Exception {
        HttpAnswer registered = post("/v1/auth/register", "application/json",
                "{\"email\":\"me.user@example.com\",\"password\":\"another long passphrase 7\",\"display_name\":\"Me\"}");
        assertEquals(201, registered.status(), registered.toString());
        String id = registered.json().get("id").asText();
        String access = form("/v1/auth/token", Map.of("grant_type", "password", "username", "me.user@example.com",
                "password", "another long passphrase 7")).json().get("access_token").asText();

        HttpAnswer me = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + access).GET());
        assertEquals(200, me.status(), me.toString());
        assertEquals(id, me.json().get("id").asText());
        assertEquals("me.user@example.com", me.json().get("email").asText());
        assertEquals("no-store", me.header("Cache-Control"));
        HttpAnswer changed = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"display_name\":\"Renamed\",\"country\":\"SE\"}")));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("Renamed", server.get("/v1/users/" + id).json().get("display_name").asText());
        assertFalse(server.get("/v1/users/" + id).response().body().contains("me.user@example.com"), "a public profile shows no email");
        assertEquals(401, server.getAnonymously("/v1/me").status(), "no token, no account");

        HttpAnswer deleted = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + access).DELETE());
        assertEquals(204, deleted.status(), deleted.toString());
        HttpAnswer afterwards = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + access).GET());
        assertEquals(401, afterwards.status(), "the token of a deleted account is refused: " + afterwards);
        assertEquals(404, server.get("/v1/users/" + id).status());
    }
}
