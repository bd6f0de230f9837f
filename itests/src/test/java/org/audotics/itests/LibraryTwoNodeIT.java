package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * reads the change on node 2 right after the 2xx, every time; a stale snapshot is refused whichever node it reaches;
 * saved-contains and following-contains answers cached on node 2 are right on node 2 right after a save, removal,
 * follow or unfollow answered on node 1; a public playlist created on node 1 is found by node 2's search (the library's
 * events reach node 2 through the cache's pub/sub).
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

    private static String contains(AudoticsServer node, String path) throws Exception {
        HttpAnswer answer = call(node, "GET", path, null);
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().toString();
    }

    @Test
    void containsReadOnOneNodeIsRightRightAfterAWriteOnTheOther() throws Exception {
        String album = call(nodes.one, "GET", "/v1/tracks/" + tracks.get(1), null).json().get("album").get("id").asText();
        String artist = call(nodes.one, "GET", "/v1/tracks/" + tracks.get(1), null).json().get("artists").get(0).get("id").asText();
        String trackIds = tracks.get(1) + "," + tracks.get(2);
        boolean saved = false;
        for (int round = 0; round < 10; round++) {
            String expectedTracks = "[" + saved + "," + saved + "]";
            String expectedOne = "[" + saved + "]";
            // read twice on node 2: the second answer comes from the cache
            for (int read = 0; read < 2; read++) {
                assertEquals(expectedTracks, contains(nodes.two, "/v1/me/tracks/contains?ids=" + trackIds), "round " + round);
                assertEquals(expectedOne, contains(nodes.two, "/v1/me/albums/contains?ids=" + album), "round " + round);
                assertEquals(expectedOne, contains(nodes.two, "/v1/me/following/contains?type=artist&ids=" + artist), "round " + round);
            }
            String method = saved ? "DELETE" : "PUT";
            assertEquals(200, call(nodes.one, method, "/v1/me/tracks?ids=" + trackIds, null).status());
            assertEquals(200, call(nodes.one, method, "/v1/me/albums", "{\"ids\": [\"" + album + "\"]}").status());
            assertEquals(204, call(nodes.one, method, "/v1/me/following?type=artist&ids=" + artist, null).status());
            saved = !saved;
            assertEquals("[" + saved + "," + saved + "]", contains(nodes.two, "/v1/me/tracks/contains?ids=" + trackIds),
                    "round " + round + ": node 2 reads the save node 1 answered");
            assertEquals("[" + saved + "]", contains(nodes.two, "/v1/me/albums/contains?ids=" + album), "round " + round);
            assertEquals("[" + saved + "]", contains(nodes.two, "/v1/me/following/contains?type=artist&ids=" + artist), "round " + round);
        }
    }

    @Test
    void aPublicPlaylistCreatedOnOneNodeIsFoundByTheOthersSearch() throws Exception {
        String word = "Quodlibet" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // the first search answer of node 2 may be a 503 while its first index is built: wait for it
        long deadline = System.nanoTime() + 120_000_000_000L;
        HttpAnswer first;
        while ((first = call(nodes.two, "GET", "/v1/search?type=playlist&q=" + word, null)).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "node 2's search never answered: " + first);
            Thread.sleep(200);
        }
        assertEquals(0, first.json().get("playlists").get("total").asInt());
        HttpAnswer created = call(nodes.one, "POST", "/v1/users/" + userId + "/playlists", "{\"name\": \"" + word + " mix\", \"public\": true}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode found = call(nodes.two, "GET", "/v1/search?type=playlist&q=" + word, null).json().get("playlists");
            if (found.get("total").asInt() > 0) {
                assertEquals(id, found.get("items").get(0).get("id").asText());
                break;
            }
            assertTrue(System.nanoTime() < deadline, "node 2's search did not find the playlist created on node 1 within 30 s");
            Thread.sleep(100);
        }
        // and a change made on node 1 reaches node 2's index too: made private, it leaves the index (the total, which
        // counts the index; the page leaves out a private playlist at once anyway)
        assertEquals(200, call(nodes.one, "PUT", "/v1/playlists/" + id, "{\"public\": false}").status());
        deadline = System.nanoTime() + 30_000_000_000L;
        while (call(nodes.two, "GET", "/v1/search?type=playlist&q=" + word, null).json().get("playlists").get("total").asInt() > 0) {
            assertTrue(System.nanoTime() < deadline, "node 2's search still lists the playlist made private on node 1 after 30 s");
            Thread.sleep(100);
        }
    }
}
