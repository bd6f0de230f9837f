package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every answer carries a request id ({@code X-Request-Id}, the client's when usable), every error body quotes it
 * (whether Jetty, Jersey or a bundle's mapper wrote it), and {@code data/log/access.log} has one line per request
 * with the route template, status, time, user and that id.
 */
@ExtendWith(SharedServer.class)
class RequestIdIT {

    private static AudoticsServer server;
    private static String trackId;

    @BeforeAll
    static void server(SharedServer.Running running) throws Exception {
        server = running.server();
        HttpAnswer imported = server.importLines("{\"external_id\":\"reqid-" + UUID.randomUUID()
                + "\",\"name\":\"Request ids\",\"artists\":[{\"name\":\"Tracer\"}],\"duration_ms\":1000}");
        assertEquals(200, imported.status(), imported.toString());
        trackId = imported.json().get("tracks").get(0).get("id").asText();
    }

    private static HttpAnswer getWithId(String path, String requestId) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .header("X-Request-Id", requestId).GET());
    }

    @Test
    void theClientsIdIsEchoedAndLoggedOnceWithTheRouteTemplate() throws Exception {
        String id = "it-" + UUID.randomUUID();
        HttpAnswer answer = getWithId("/v1/tracks/" + trackId, id);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(id, answer.header("X-Request-Id"));
        List<String> lines = accessLines(id);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("GET /v1/tracks/{id} 200 "), lines.get(0));
        assertTrue(!lines.get(0).contains(trackId), "the line names the route, not the id in the path: " + lines.get(0));
        assertTrue(!lines.get(0).contains("user=-"), "an authenticated request names its user: " + lines.get(0));
    }

    @Test
    void withoutAnIdEachAnswerGetsANewOne() throws Exception {
        String first = server.get("/v1/tracks/" + trackId).header("X-Request-Id");
        String second = server.get("/v1/tracks/" + trackId).header("X-Request-Id");
        assertTrue(first != null && first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void anUnusableIdIsReplaced() throws Exception {
        HttpAnswer answer = getWithId("/v1/tracks/" + trackId, "x".repeat(65));
        assertTrue(answer.header("X-Request-Id").matches("[0-9a-f]{32}"), answer.header("X-Request-Id"));
    }

    @Test
    void errorBodiesFromEveryLayerQuoteTheRequestId() throws Exception {
        for (String path : List.of("/v1/tracks/noSuchTrack0000000000", "/v1/no/such/route", "/v1/recommendations?limit=zero",
                "/no-such-servlet")) {
            String id = "err-" + UUID.randomUUID();
            HttpAnswer answer = getWithId(path, id);
            assertTrue(answer.status() >= 400, path + " " + answer);
            assertEquals(id, answer.json().get("error").path("request_id").asText(null), path + " " + answer);
            assertEquals(id, answer.header("X-Request-Id"), path);
            List<String> lines = accessLines(id);
            assertEquals(1, lines.size(), path + " " + lines);
            assertTrue(lines.get(0).contains(" " + answer.status() + " "), lines.get(0));
        }
        RawHttp.Answer malformed = RawHttp.get(server.port, "/v1/tracks/%zz");
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals(malformed.header("X-Request-Id"), malformed.json().get("error").path("request_id").asText(null), malformed.toString());
    }

    /** The access-log lines naming this id; the log is written as the answer completes, so wait a little for it. */
    private static List<String> accessLines(String id) throws Exception {
        Path log = server.home.resolve("data/log/access.log");
        List<String> found = List.of();
        for (int attempt = 0; attempt < 40 && found.isEmpty(); attempt++) {
            if (Files.exists(log)) {
                found = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.endsWith("id=" + id)).toList();
            }
            if (found.isEmpty()) {
                Thread.sleep(50);
            }
        }
        return found;
    }
}
