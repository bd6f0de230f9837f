package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL and one Redis: a playlist read on node 2 (and so cached) and then changed on node 1
 * reads the change on node 2 right after the 2xx, every time; a stale snapshot is refused whichever node it reaches.
 */
class LibraryTwoNodeIT {

    private static final String PASSWORD = "two nodes one playlist";
    private static TwoNodes nodes;
    private static List<String> tracks;
    private static String token;
    private static String userId;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("library");
        String lines = IntStream.range(0, 6).mapToObj(i -> TrackLines.track("two-node-" + i, "Two " + i, "two-node-artist", "two", 50, 0.5, 100))
                .collect(Collectors.joining("\n"));
        HttpAnswer imported = nodes.one.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        tracks = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> tracks.add(track.get("id").asText()));
        String email = "two-" + UUID.randomUUID().toString().substring(0, 8) + "@library-it.example.org";
        HttpAnswer registered = nodes.one.send(HttpRequest.newBuilder(nodes.one.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"two\"}")));
        assertEquals(201, registered.status(), registered.toString());
        userId = registered.json().get("id").asText();
        HttpAnswer granted = nodes.one.send(HttpRequest.newBuilder(nodes.one.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));
        assertEquals(200, granted.status(), granted.toString());
        token = granted.json().get("access_token").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static HttpAnswer call(AudoticsServer node, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return node.send(request);
    }

    private static List<String> order(JsonNode playlist) {
        List<String> ids = new ArrayList<>();
        playlist.get("tracks").get("items").forEach(item -> ids.add(item.get("track").get("id").asText()));
        return ids;
    }

    @Test
    void aChangeOnOneNodeIsReadOnTheOtherRightAfterItsAnswer() throws Exception {
        HttpAnswer created = call(nodes.one, "POST", "/v1/users/" + userId + "/playlists", "{\"name\": \"Both nodes\"}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        String uris = tracks.stream().map(t -> "\"audotics:track:" + t + "\"").collect(Collectors.joining(",", "[", "]"));
        assertEquals(201, call(nodes.one, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris + "}").status());
        List<String> expected = new ArrayList<>(tracks);
        for (int round = 0; round < 10; round++) {
            JsonNode onTwo = call(nodes.two, "GET", "/v1/playlists/" + id, null).json();
            assertEquals(expected, order(onTwo), "round " + round);
            assertEquals(expected, order(call(nodes.two, "GET", "/v1/playlists/" + id, null).json()), "round " + round + ", from node 2's cache");
            String snapshot = onTwo.get("snapshot_id").asText();
            HttpAnswer moved = call(nodes.one, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 0, \"insert_before\": 6, \"snapshot_id\": \"" + snapshot + "\"}");
            assertEquals(200, moved.status(), moved.toString());
            expected.add(expected.remove(0));
            JsonNode after = call(nodes.two, "GET", "/v1/playlists/" + id, null).json();
            assertEquals(expected, order(after), "round " + round + ": node 2 reads the change node 1 answered");
            assertEquals(moved.json().get("snapshot_id").asText(), after.get("snapshot_id").asText());
            HttpAnswer stale = call(nodes.two, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 0, \"insert_before\": 6, \"snapshot_id\": \"" + snapshot + "\"}");
            assertEquals(409, stale.status(), stale.toString());
        }
        assertEquals(200, call(nodes.two, "PUT", "/v1/playlists/" + id, "{\"name\": \"Renamed on two\"}").status());
        assertEquals("Renamed on two", call(nodes.one, "GET", "/v1/playlists/" + id, null).json().get("name").asText());
        assertEquals(200, call(nodes.two, "PUT", "/v1/me/tracks?ids=" + tracks.get(0), null).status());
        assertEquals("[true]", call(nodes.one, "GET", "/v1/me/tracks/contains?ids=" + tracks.get(0), null).json().toString());
    }
}
