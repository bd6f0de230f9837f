package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers from the built distribution started at the same moment on one PostgreSQL database and one
 * Redis namespace, with the same key-encryption secret: the first-start admin is created once, and
 * tokens, refresh-token rotation, access-token revocation, logout and account deletion on one node hold on
 * the other.
 */
class TwoNodeAuthIT {

    private static final String PASSWORD = "two nodes, one truth 1";
    private static final String FIRST_ADMIN = "admin@audotics.localhost";

    private static TwoNodes nodes;
    private static TestDatabase database;
    private static AudoticsServer one;
    private static AudoticsServer two;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("two-nodes");
        database = nodes.database;
        one = nodes.one;
        two = nodes.two;
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static HttpAnswer form(AudoticsServer node, String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return node.send(HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpAnswer passwordGrant(AudoticsServer node, String email, String password) throws Exception {
        return form(node, "/v1/auth/token", Map.of("grant_type", "password", "username", email, "password", password));
    }

    private static HttpAnswer me(AudoticsServer node, String accessToken) throws Exception {
        return node.send(HttpRequest.newBuilder(node.uri("/v1/me")).header("Authorization", "Bearer " + accessToken).GET());
    }

    /** Registers on {@code node}; answers the granted token response (access and refresh token). */
    private static HttpAnswer signedInUser(AudoticsServer node, String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@two-nodes-it.example.org";
        HttpAnswer registered = node.send(HttpRequest.newBuilder(node.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        HttpAnswer granted = passwordGrant(node, email, PASSWORD);
        assertEquals(200, granted.status(), granted.toString());
        return granted;
    }

    /** The first-start admin's password file, on whichever node created the account (it writes it after the start). */
    private static Path adminPasswordFile() throws Exception {
        Path onOne = one.home.resolve("data/audotics/admin-password");
        Path onTwo = two.home.resolve("data/audotics/admin-password");
        for (int attempt = 0; attempt < 600 && !Files.exists(onOne) && !Files.exists(onTwo); attempt++) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(onOne) && Files.exists(onTwo), "only the node that created the admin writes its password");
        assertTrue(Files.exists(onOne) || Files.exists(onTwo), "a node wrote the admin password file");
        return Files.exists(onOne) ? onOne : onTwo;
    }

    @Test
    void theFirstStartAdminIsCreatedOnceAndItsPasswordSignsInWithTheAdminRole() throws Exception {
        Path file = adminPasswordFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).strip();
        assertEquals(1, database.count("SELECT COUNT(*) FROM user_account WHERE email = ?", FIRST_ADMIN));
        assertEquals(1, database.count("SELECT COUNT(*) FROM user_account WHERE email = ? AND roles = 'admin,user'", FIRST_ADMIN));
        AudoticsServer creator = file.startsWith(one.home) ? one : two;
        String log = Files.readString(creator.home.resolve("data/log/karaf.log"));
        assertTrue(log.contains("First-start admin account " + FIRST_ADMIN + " created; its password is in"), "one line says where");
        for (AudoticsServer node : List.of(one, two)) {
            assertFalse(Files.readString(node.home.resolve("data/log/karaf.log")).contains(password), "the password is never logged");
        }

        for (AudoticsServer node : List.of(one, two)) {
            HttpAnswer granted = passwordGrant(node, FIRST_ADMIN, password);
            assertEquals(200, granted.status(), granted.toString());
            String admin = granted.json().get("access_token").asText();
            HttpAnswer imported = node.send(HttpRequest.newBuilder(node.uri("/v1/catalog/import")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"external_id\":\"two-nodes-" + node.port + "\",\"name\":\"Two\",\"artists\":[{\"name\":\"N\"}],\"duration_ms\":1000}")));
            assertEquals(200, imported.status(), "the first-start admin's token may import: " + imported);
            String trackId = imported.json().get("tracks").get(0).get("id").asText();
            assertEquals(200, node.send(HttpRequest.newBuilder(node.uri("/v1/tracks/" + trackId)).header("Authorization", "Bearer " + admin).GET()).status());
            assertEquals(401, node.getAnonymously("/v1/tracks/" + trackId).status(), "every read needs a token");
        }
        HttpAnswer byToken = one.importLines("{\"external_id\":\"two-nodes-admin-token\",\"name\":\"T\",\"artists\":[{\"name\":\"N\"}],\"duration_ms\":1000}");
        assertEquals(200, byToken.status(), "the admin token keeps working: " + byToken);
        String userToken = signedInUser(two, "not-an-admin").json().get("access_token").asText();
        HttpAnswer refused = two.send(HttpRequest.newBuilder(two.uri("/v1/catalog/import")).header("Authorization", "Bearer " + userToken)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, refused.status(), refused.toString());
    }

    @Test
    void aRestartOfTheNodeThatCreatedTheAdminKeepsItsAccountAndPassword() throws Exception {
        Path file = adminPasswordFile();
        String password = Files.readString(file);
        AudoticsServer creator = file.startsWith(one.home) ? one : two;
        creator.crash();
        creator.restart();
        assertEquals(password, Files.readString(file));
        assertEquals(1, database.count("SELECT COUNT(*) FROM user_account WHERE email = ?", FIRST_ADMIN));
        HttpAnswer granted = passwordGrant(creator, FIRST_ADMIN, password.strip());
        assertEquals(200, granted.status(), granted.toString());
    }

    @Test
    void aTokenIssuedByNodeOneIsAcceptedByNodeTwo() throws Exception {
        HttpAnswer granted = signedInUser(one, "ada");
        HttpAnswer onTwo = me(two, granted.json().get("access_token").asText());
        assertEquals(200, onTwo.status(), onTwo.toString());
        assertEquals(me(one, granted.json().get("access_token").asText()).json().get("id"), onTwo.json().get("id"));
    }

    @Test
    void aRefreshTokenRotatedOnNodeOneIsRefusedOnNodeTwoAndItsFamilyIsRevokedOnBoth() throws Exception {
        String first = signedInUser(one, "bob").json().get("refresh_token").asText();
        HttpAnswer rotated = form(one, "/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", first));
        assertEquals(200, rotated.status(), rotated.toString());
        String second = rotated.json().get("refresh_token").asText();

        HttpAnswer replayed = form(two, "/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", first));
        assertEquals(400, replayed.status(), replayed.toString());
        assertEquals("invalid_grant", replayed.json().get("error").asText());
        for (AudoticsServer node : List.of(one, two)) {
            HttpAnswer revoked = form(node, "/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", second));
            assertEquals(400, revoked.status(), "the family is revoked: " + revoked);
            assertEquals("invalid_grant", revoked.json().get("error").asText());
        }
    }

    @Test
    void anAccountDeletedOnNodeOneCannotUseItsTokenOnNodeTwo() throws Exception {
        String access = signedInUser(one, "carol").json().get("access_token").asText();
        assertEquals(200, me(two, access).status());
        HttpAnswer deleted = one.send(HttpRequest.newBuilder(one.uri("/v1/me")).header("Authorization", "Bearer " + access).DELETE());
        assertEquals(204, deleted.status(), deleted.toString());
        HttpAnswer afterwards = me(two, access);
        assertEquals(401, afterwards.status(), afterwards.toString());
        assertEquals("unauthorized", afterwards.errorCode());
    }

    private static HttpAnswer logout(AudoticsServer node, String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri("/v1/auth/logout")).POST(HttpRequest.BodyPublishers.noBody());
        return node.send(accessToken == null ? request : request.header("Authorization", "Bearer " + accessToken));
    }

    /** Asks {@code node} for /v1/me until it refuses the token; answers the milliseconds that took. */
    private static long millisUntilRefused(AudoticsServer node, String accessToken, long startedNanos) throws Exception {
        while (System.nanoTime() - startedNanos < java.time.Duration.ofSeconds(10).toNanos()) {
            HttpAnswer answer = me(node, accessToken);
            if (answer.status() == 401) {
                assertEquals("unauthorized", answer.errorCode(), answer.toString());
                return (System.nanoTime() - startedNanos) / 1_000_000;
            }
            assertEquals(200, answer.status(), answer.toString());
        }
        throw new AssertionError("node " + node.home + " still accepts the revoked token after 10 s");
    }

    @Test
    void anAccessTokenRevokedOnNodeOneIsRefusedOnNodeTwo() throws Exception {
        String access = signedInUser(one, "dora").json().get("access_token").asText();
        assertEquals(200, me(two, access).status());
        long started = System.nanoTime();
        HttpAnswer revoked = form(one, "/v1/auth/revoke", Map.of("token", access, "token_type_hint", "access_token"));
        assertEquals(200, revoked.status(), revoked.toString());
        long millis = millisUntilRefused(two, access, started);
        System.out.println("[figure] an access token revoked on node 1 was refused on node 2 after " + millis + " ms");
        assertEquals(401, me(one, access).status());
    }

    @Test
    void aLogoutOnNodeOneEndsTheAccessTokenAndItsRefreshFamilyOnNodeTwo() throws Exception {
        HttpAnswer granted = signedInUser(one, "eric");
        String access = granted.json().get("access_token").asText();
        String refresh = granted.json().get("refresh_token").asText();
        assertEquals(200, me(two, access).status());
        long started = System.nanoTime();
        HttpAnswer loggedOut = logout(one, access);
        assertEquals(204, loggedOut.status(), loggedOut.toString());
        long millis = millisUntilRefused(two, access, started);
        System.out.println("[figure] a logout on node 1 was honoured on node 2 after " + millis + " ms");
        HttpAnswer refreshed = form(two, "/v1/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals(400, refreshed.status(), refreshed.toString());
        assertEquals("invalid_grant", refreshed.json().get("error").asText());
        HttpAnswer again = logout(two, access);
        assertEquals(401, again.status(), again.toString());
        assertEquals("unauthorized", again.errorCode());
    }

    @Test
    void logoutWithoutATokenAndRevocationWithAnUnknownHintAreRefusedInTheirErrorShapes() throws Exception {
        HttpAnswer anonymous = logout(two, null);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals("unauthorized", anonymous.errorCode());
        HttpAnswer admin = logout(two, AudoticsServer.ADMIN_TOKEN);
        assertEquals(400, admin.status(), admin.toString());
        assertEquals("invalid_parameter", admin.errorCode());
        HttpAnswer hint = form(two, "/v1/auth/revoke", Map.of("token", "whatever", "token_type_hint", "id_token"));
        assertEquals(400, hint.status(), hint.toString());
        assertEquals("unsupported_token_type", hint.json().get("error").asText());
    }
}
