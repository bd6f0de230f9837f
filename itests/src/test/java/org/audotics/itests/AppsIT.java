package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Third-party apps and the client_credentials grant through the built distribution on PostgreSQL and
 * Redis: registration and its bad bodies, both ways of client authentication, what an app token may read,
 * and that no one reaches another user's app.
 */
@ExtendWith(SharedServer.class)
class AppsIT {

    private static final String PASSWORD = "a tune only I hum, twice";

    private static AudoticsServer server;
    private static String trackId;

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        server = shared.server();
        HttpAnswer imported = server.importLines("{\"external_id\":\"apps-it-1\",\"name\":\"Appy\",\"artists\":[{\"name\":\"A\"}],\"duration_ms\":1000}");
        assertEquals(200, imported.status(), imported.toString());
        trackId = imported.json().get("tracks").get(0).get("id").asText();
    }

    /** A new person's own access token. */
    private static String userToken(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@apps-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD
                        + "\", \"display_name\": \"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        HttpAnswer token = tokenRequest(Map.of("grant_type", "password", "username", email, "password", PASSWORD), null);
        assertEquals(200, token.status(), token.toString());
        return token.json().get("access_token").asText();
    }

    private static HttpAnswer tokenRequest(Map<String, String> fields, String authorization) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpAnswer postApp(String token, String json) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/apps")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode registerApp(String token) throws Exception {
        HttpAnswer answer = postApp(token, "{\"name\": \"My player\", \"redirect_uris\": [\"https://player.example.com/cb\", \"http://127.0.0.1:8000/cb\"]}");
        assertEquals(201, answer.status(), answer.toString());
        return answer.json();
    }

    private static HttpAnswer call(String method, String path, String token) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static String appToken(JsonNode app) throws Exception {
        HttpAnswer answer = tokenRequest(Map.of("grant_type", "client_credentials"), basic(app.get("client_id").asText(), app.get("client_secret").asText()));
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().get("access_token").asText();
    }

    @Test
    void aUserRegistersAnAppAndSeesItListedWithoutItsSecret() throws Exception {
        String token = userToken("ada");
        String me = call("GET", "/v1/me", token).json().get("id").asText();
        JsonNode app = registerApp(token);
        assertFalse(app.get("client_id").asText().isBlank());
        assertTrue(app.get("client_secret").asText().length() >= 43, app.toString());
        assertEquals("My player", app.get("name").asText());
        assertEquals(me, app.get("owner").asText());
        assertEquals("https://player.example.com/cb", app.get("redirect_uris").get(0).asText());
        HttpAnswer list = call("GET", "/v1/apps", token);
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().get("items").size(), list.toString());
        assertEquals(app.get("client_id").asText(), list.json().get("items").get(0).get("client_id").asText());
        assertFalse(list.toString().contains(app.get("client_secret").asText()), list.toString());
        assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/v1/apps")).GET()).status());
        assertEquals(403, call("GET", "/v1/apps", AudoticsServer.ADMIN_TOKEN).status());
    }

    @Test
    void eachRuleOfTheBodyIs400() throws Exception {
        String token = userToken("bea");
        String ok = "[\"https://app.example.com/cb\"]";
        String eleven = "[" + String.join(",", java.util.Collections.nCopies(11, "\"https://app.example.com/cb\"")) + "]";
        for (String body : new String[] {"{\"redirect_uris\": " + ok + "}", "{\"name\": \"\", \"redirect_uris\": " + ok + "}",
            "{\"name\": \"" + "x".repeat(101) + "\", \"redirect_uris\": " + ok + "}", "{\"name\": \"App\"}",
            "{\"name\": \"App\", \"redirect_uris\": []}", "{\"name\": \"App\", \"redirect_uris\": " + eleven + "}",
            "{\"name\": \"App\", \"redirect_uris\": [\"/relative\"]}", "{\"name\": \"App\", \"redirect_uris\": [\"http://app.example.com/cb\"]}",
            "{\"name\": \"App\", \"redirect_uris\": [\"https://app.example.com/cb#x\"]}", "{\"name\": \"App\", \"redirect_uris\": [null]}",
            "{\"name\": ", "null"}) {
            HttpAnswer answer = postApp(token, body);
            assertEquals(400, answer.status(), body + " -> " + answer);
            assertEquals("invalid_body", answer.errorCode(), body + " -> " + answer);
        }
        HttpAnswer xml = server.send(HttpRequest.newBuilder(server.uri("/v1/apps")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<app/>")));
        assertEquals(415, xml.status(), xml.toString());
        assertEquals(0, call("GET", "/v1/apps", token).json().get("items").size());
    }

    @Test
    void clientCredentialsByBasicOrFormGiveAnAppTokenThatReadsTheCatalogButNotUserData() throws Exception {
        JsonNode app = registerApp(userToken("cy"));
        String clientId = app.get("client_id").asText();
        String secret = app.get("client_secret").asText();
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        for (HttpAnswer answer : new HttpAnswer[] {tokenRequest(Map.of("grant_type", "client_credentials"), basic(clientId, secret)), tokenRequest(form, null)}) {
            assertEquals(200, answer.status(), answer.toString());
            assertEquals("Bearer", answer.json().get("token_type").asText());
            assertTrue(answer.json().get("expires_in").asInt() > 0);
            assertNull(answer.json().get("refresh_token"), answer.toString());
            assertEquals("no-store", answer.header("Cache-Control"));
            String token = answer.json().get("access_token").asText();
            HttpAnswer track = call("GET", "/v1/tracks/" + trackId, token);
            assertEquals(200, track.status(), track.toString());
            assertEquals("Appy", track.json().get("name").asText());
            HttpAnswer me = call("GET", "/v1/me", token);
            assertEquals(403, me.status(), me.toString());
            assertEquals(403, call("GET", "/v1/apps", token).status());
        }
        assertEquals(401, server.getAnonymously("/v1/tracks/" + trackId).status(), "without a token even a catalog read is refused");
    }

    @Test
    void aWrongOrUnknownClientIs401InvalidClientWithABasicChallenge() throws Exception {
        JsonNode app = registerApp(userToken("dee"));
        String clientId = app.get("client_id").asText();
        for (HttpAnswer answer : new HttpAnswer[] {
            tokenRequest(Map.of("grant_type", "client_credentials"), basic(clientId, "wrong")),
            tokenRequest(Map.of("grant_type", "client_credentials"), basic("AAAAAAAAAAAAAAAAAAAAAA", app.get("client_secret").asText())),
            tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "wrong"), null),
            tokenRequest(Map.of("grant_type", "client_credentials"), "Basic not-base64!"),
            tokenRequest(Map.of("grant_type", "client_credentials"), null)}) {
            assertEquals(401, answer.status(), answer.toString());
            assertEquals("invalid_client", answer.json().get("error").asText(), answer.toString());
            assertTrue(answer.header("WWW-Authenticate").startsWith("Basic"), answer.toString());
        }
        assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + trackId))
                .header("Authorization", basic(clientId, "wrong")).GET()).status(), "Basic is the token endpoint's only");
    }

    @Test
    void anotherUserNeitherSeesNorDeletesTheAppAndADeletedAppsTokenIsRefused() throws Exception {
        String owner = userToken("eve");
        String other = userToken("fay");
        JsonNode app = registerApp(owner);
        String clientId = app.get("client_id").asText();
        String token = appToken(app);
        assertEquals(0, call("GET", "/v1/apps", other).json().get("items").size());
        HttpAnswer refused = call("DELETE", "/v1/apps/" + clientId, other);
        assertEquals(404, refused.status(), refused.toString());
        assertEquals("not_found", refused.errorCode());
        assertEquals(200, call("GET", "/v1/tracks/" + trackId, token).status(), "the app survives another user's delete");
        assertEquals(204, call("DELETE", "/v1/apps/" + clientId, owner).status());
        assertEquals(404, call("DELETE", "/v1/apps/" + clientId, owner).status());
        assertEquals(401, call("GET", "/v1/tracks/" + trackId, token).status());
        HttpAnswer again = tokenRequest(Map.of("grant_type", "client_credentials"), basic(clientId, app.get("client_secret").asText()));
        assertEquals(401, again.status(), again.toString());
    }

    @Test
    void appsGoWithTheirOwnersAccount() throws Exception {
        String owner = userToken("gus");
        String token = appToken(registerApp(owner));
        assertEquals(200, call("GET", "/v1/tracks/" + trackId, token).status());
        assertEquals(204, call("DELETE", "/v1/me", owner).status());
        assertEquals(401, call("GET", "/v1/tracks/" + trackId, token).status());
    }
}
