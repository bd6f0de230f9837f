package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library through the built distribution on PostgreSQL and Redis: playlists (snapshots, 409, 403/404, editors,
 * limits), saved tracks and albums, follows with artists' follower counts, and account deletion.
 */
@ExtendWith(SharedServer.class)
class LibraryIT {

    private static final String PASSWORD = "library of sounds 42";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static SharedServer.Running running;
    private static AudoticsServer server;
    private static List<String> tracks;
    private static String album;
    private static String artist;

    /** A signed-in user: id and access token. */
    private record User(String id, String token) {
    }

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        running = shared;
        server = shared.server();
        String lines = IntStream.range(0, 5).mapToObj(i -> TrackLines.track("lib-" + RUN + "-" + i, "Library " + i, "lib-artist-" + RUN, "lib-genre", 40 + i,
                0.5, 120)).collect(Collectors.joining("\n"));
        HttpAnswer imported = server.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        tracks = ids;
        JsonNode first = server.get("/v1/tracks/" + ids.get(0)).json();
        album = first.get("album").get("id").asText();
        artist = first.get("artists").get(0).get("id").asText();
    }

    private static User user(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@library-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, granted.status(), granted.toString());
        return new User(registered.json().get("id").asText(), granted.json().get("access_token").asText());
    }

    private static HttpAnswer call(User user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + user.token());
        }
        return server.send(request);
    }

    private static String uri(int track) {
        return "audotics:track:" + tracks.get(track);
    }

    private static String uris(int... indexes) {
        return IntStream.of(indexes).mapToObj(i -> "\"" + uri(i) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static JsonNode create(User owner, String body) throws Exception {
        HttpAnswer created = call(owner, "POST", "/v1/users/" + owner.id() + "/playlists", body);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private static List<String> order(User user, String playlist) throws Exception {
        HttpAnswer page = call(user, "GET", "/v1/playlists/" + playlist + "/tracks?limit=100", null);
        assertEquals(200, page.status(), page.toString());
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("track").get("id").asText()));
        return ids;
    }

    private static String snapshot(User user, String playlist) throws Exception {
        return call(user, "GET", "/v1/playlists/" + playlist, null).json().get("snapshot_id").asText();
    }

    private static void assertError(int status, String code, HttpAnswer answer, String mentioned) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
        assertEquals(status, answer.json().get("error").get("status").asInt(), answer.toString());
        if (mentioned != null) {
            assertTrue(answer.errorMessage().contains(mentioned), answer.toString());
        }
    }

    @Test
    void aPlaylistIsCreatedFilledReorderedTrimmedAndReplacedEachChangeAnsweringANewSnapshot() throws Exception {
        User ada = user("ada");
        JsonNode created = create(ada, "{\"name\": \"Morning\", \"description\": \"coffee\", \"public\": false}");
        String id = created.get("id").asText();
        assertEquals("playlist", created.get("type").asText());
        assertEquals("Morning", created.get("name").asText());
        assertFalse(created.get("public").asBoolean());
        assertEquals(ada.id(), created.get("owner").get("id").asText());
        assertEquals("ada", created.get("owner").get("display_name").asText());
        assertEquals(0, created.get("tracks").get("total").asInt());

        HttpAnswer added = call(ada, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris(0, 1, 1) + "}");
        assertEquals(201, added.status(), added.toString());
        String afterAdd = added.json().get("snapshot_id").asText();
        assertNotEquals(created.get("snapshot_id").asText(), afterAdd);
        HttpAnswer byQuery = call(ada, "POST", "/v1/playlists/" + id + "/tracks?position=0&uris=" + URLEncoder.encode("spotify:track:" + tracks.get(2), StandardCharsets.UTF_8), null);
        assertEquals(201, byQuery.status(), byQuery.toString());
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(1), tracks.get(1)), order(ada, id), "duplicates are kept, each at its position");

        JsonNode playlist = call(ada, "GET", "/v1/playlists/" + id, null).json();
        JsonNode item = playlist.get("tracks").get("items").get(0);
        assertEquals(ada.id(), item.get("added_by").get("id").asText());
        assertFalse(item.get("is_local").asBoolean());
        assertEquals("track", item.get("track").get("type").asText());
        assertEquals(4, playlist.get("tracks").get("total").asInt());
        String current = playlist.get("snapshot_id").asText();

        HttpAnswer stale = call(ada, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 0, \"insert_before\": 4, \"snapshot_id\": \"" + afterAdd + "\"}");
        assertError(409, "stale_snapshot", stale, "snapshot_id");
        assertEquals(current, snapshot(ada, id), "a refused change changes nothing");

        HttpAnswer reordered = call(ada, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 0, \"insert_before\": 4, \"snapshot_id\": \"" + current + "\"}");
        assertEquals(200, reordered.status(), reordered.toString());
        assertEquals(List.of(tracks.get(0), tracks.get(1), tracks.get(1), tracks.get(2)), order(ada, id));

        assertError(400, "invalid_body", call(ada, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 4, \"insert_before\": 0}"), "range_start");
        assertError(400, "invalid_body", call(ada, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 0, \"range_length\": 5, \"insert_before\": 0}"),
                "range_length");
        assertError(400, "invalid_body", call(ada, "PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": 0, \"insert_before\": 5}"), "insert_before");
        assertError(400, "invalid_body", call(ada, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris(0) + ", \"position\": 9}"), "position");
        assertError(400, "invalid_body", call(ada, "DELETE", "/v1/playlists/" + id + "/tracks", "{\"tracks\": [{\"uri\": \"" + uri(2) + "\", \"positions\": [0]}]}"),
                "position 0");

        HttpAnswer removed = call(ada, "DELETE", "/v1/playlists/" + id + "/tracks", "{\"tracks\": [{\"uri\": \"" + uri(1) + "\"}], \"snapshot_id\": \"" + afterAdd + "\"}");
        assertEquals(200, removed.status(), "removing every occurrence does not depend on the order: a stale snapshot does not stop it " + removed);
        assertEquals(List.of(tracks.get(0), tracks.get(2)), order(ada, id));
        HttpAnswer atPosition = call(ada, "DELETE", "/v1/playlists/" + id + "/tracks", "{\"tracks\": [{\"uri\": \"" + uri(2) + "\", \"positions\": [1]}]}");
        assertEquals(200, atPosition.status(), atPosition.toString());
        assertEquals(List.of(tracks.get(0)), order(ada, id));

        HttpAnswer replaced = call(ada, "PUT", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris(4, 3) + "}");
        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals(List.of(tracks.get(4), tracks.get(3)), order(ada, id));

        HttpAnswer renamed = call(ada, "PUT", "/v1/playlists/" + id, "{\"name\": \"Evening\", \"collaborative\": true}");
        assertEquals(200, renamed.status(), renamed.toString());
        JsonNode after = call(ada, "GET", "/v1/playlists/" + id, null).json();
        assertEquals("Evening", after.get("name").asText());
        assertEquals("coffee", after.get("description").asText(), "a field left out is kept");
        assertTrue(after.get("collaborative").asBoolean());

        JsonNode mine = call(ada, "GET", "/v1/me/playlists", null).json();
        assertEquals(1, mine.get("total").asInt());
        assertEquals(id, mine.get("items").get(0).get("id").asText());
        assertEquals(2, mine.get("items").get(0).get("tracks").get("total").asInt());
        JsonNode changes = call(ada, "GET", "/v1/playlists/" + id + "/changes?limit=50", null).json();
        assertEquals(8, changes.get("total").asInt(), changes.toString());
        assertEquals("details", changes.get("items").get(0).get("action").asText());
        assertEquals(ada.id(), changes.get("items").get(0).get("user_id").asText());
    }

    @Test
    void badInputIsAClearErrorAndWritesNothing() throws Exception {
        User ada = user("ada");
        String id = create(ada, "{\"name\": \"Strict\"}").get("id").asText();
        String tracksPath = "/v1/playlists/" + id + "/tracks";
        assertError(400, "invalid_body", call(ada, "POST", tracksPath, "{\"uris\": [\"audotics:track:no-such-track\"]}"), "no-such-track");
        assertError(400, "invalid_body", call(ada, "POST", tracksPath, "{\"uris\": [\"audotics:album:" + album + "\"]}"), "uris");
        assertError(400, "invalid_body", call(ada, "POST", tracksPath, "{\"uris\": []}"), "uris");
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"" + uri(0) + "\"").collect(Collectors.joining(",", "[", "]"));
        assertError(400, "invalid_body", call(ada, "POST", tracksPath, "{\"uris\": " + tooMany + "}"), "100");
        assertError(400, "invalid_body", call(ada, "POST", tracksPath + "?uris=" + uri(0), "{\"uris\": " + uris(0) + "}"), "not both");
        assertError(400, "invalid_body", call(ada, "POST", tracksPath, "{\"uris\": " + uris(0) + ", \"position\": \"first\"}"), null);
        assertError(400, "invalid_body", call(ada, "POST", tracksPath, "{\"uris\": " + uris(0)), null);
        assertError(400, "invalid_body", call(ada, "PUT", tracksPath, "{}"), "range_start");
        assertError(400, "invalid_body", call(ada, "PUT", tracksPath, "{\"range_start\": 0, \"insert_before\": 0, \"snapshot_id\": \" \"}"), "snapshot_id");
        assertError(400, "invalid_parameter", call(ada, "GET", tracksPath + "?limit=101", null), "limit");
        assertError(400, "invalid_parameter", call(ada, "GET", tracksPath + "?offset=-1", null), "offset");
        assertEquals(0, call(ada, "GET", "/v1/playlists/" + id, null).json().get("tracks").get("total").asInt(), "nothing was written");

        assertError(400, "invalid_body", call(ada, "POST", "/v1/users/" + ada.id() + "/playlists", "{\"description\": \"no name\"}"), "name");
        assertError(400, "invalid_body", call(ada, "POST", "/v1/users/" + ada.id() + "/playlists", "{\"name\": \"x\", \"public\": true, \"collaborative\": true}"),
                "collaborative");
        assertError(400, "invalid_body", call(ada, "POST", "/v1/users/" + ada.id() + "/playlists", "{\"name\": \"" + "n".repeat(101) + "\"}"), "name");
        User bob = user("bob");
        assertError(403, "forbidden", call(ada, "POST", "/v1/users/" + bob.id() + "/playlists", "{\"name\": \"For Bob\"}"), "user_id");
        assertError(401, "unauthorized", call(null, "GET", "/v1/playlists/" + id, null), null);
        assertError(404, "not_found", call(ada, "GET", "/v1/playlists/nosuchplaylist0000000000", null), null);
        assertError(404, "not_found", call(ada, "GET", "/v1/users/nosuchuser/playlists", null), null);
        assertEquals(1, call(ada, "GET", "/v1/me/playlists", null).json().get("total").asInt(), "the refused creations made nothing");
    }

    @Test
    void anotherUsersPlaylistIs404WhenPrivateAnd403ToChangeWhenPublicUnlessInvitedToACollaborativeOne() throws Exception {
        User ada = user("ada");
        User bob = user("bob");
        String secret = create(ada, "{\"name\": \"Secret\", \"public\": false}").get("id").asText();
        String open = create(ada, "{\"name\": \"Open\"}").get("id").asText();
        assertError(404, "not_found", call(bob, "GET", "/v1/playlists/" + secret, null), secret);
        assertError(404, "not_found", call(bob, "POST", "/v1/playlists/" + secret + "/tracks", "{\"uris\": " + uris(0) + "}"), null);
        assertEquals(200, call(bob, "GET", "/v1/playlists/" + open, null).status());
        assertError(403, "forbidden", call(bob, "POST", "/v1/playlists/" + open + "/tracks", "{\"uris\": " + uris(0) + "}"), "owner");
        assertError(403, "forbidden", call(bob, "PUT", "/v1/playlists/" + open, "{\"name\": \"Bob's now\"}"), "owner");
        JsonNode adasForBob = call(bob, "GET", "/v1/users/" + ada.id() + "/playlists", null).json();
        assertEquals(1, adasForBob.get("total").asInt(), "bob sees only ada's public playlist: " + adasForBob);

        String shared = create(ada, "{\"name\": \"Shared\", \"public\": false, \"collaborative\": true}").get("id").asText();
        assertError(404, "not_found", call(ada, "PUT", "/v1/playlists/" + shared + "/editors/nosuchuser", null), null);
        assertEquals(204, call(ada, "PUT", "/v1/playlists/" + shared + "/editors/" + bob.id(), null).status());
        assertEquals(bob.id(), call(bob, "GET", "/v1/playlists/" + shared + "/editors", null).json().get("editors").get(0).get("id").asText());
        assertEquals(201, call(bob, "POST", "/v1/playlists/" + shared + "/tracks", "{\"uris\": " + uris(0, 1) + "}").status());
        assertEquals(200, call(bob, "PUT", "/v1/playlists/" + shared + "/tracks", "{\"range_start\": 1, \"insert_before\": 0}").status());
        assertEquals(List.of(tracks.get(1), tracks.get(0)), order(ada, shared));
        assertError(403, "forbidden", call(bob, "PUT", "/v1/playlists/" + shared, "{\"name\": \"Bob's\"}"), "owner");
        assertError(403, "forbidden", call(bob, "DELETE", "/v1/playlists/" + shared, null), "owner");
        JsonNode changes = call(ada, "GET", "/v1/playlists/" + shared + "/changes", null).json();
        assertEquals(bob.id(), changes.get("items").get(0).get("user_id").asText());
        assertEquals("reorder", changes.get("items").get(0).get("action").asText());

        assertEquals(200, call(bob, "PUT", "/v1/playlists/" + open + "/followers", null).status());
        assertEquals(1, call(ada, "GET", "/v1/playlists/" + open, null).json().get("followers").get("total").asInt());
        assertTrue(call(bob, "GET", "/v1/me/playlists", null).json().toString().contains(open));
        assertEquals(200, call(bob, "DELETE", "/v1/playlists/" + open + "/followers", null).status());
        assertEquals(0, call(ada, "GET", "/v1/playlists/" + open, null).json().get("followers").get("total").asInt());

        assertEquals(204, call(ada, "DELETE", "/v1/playlists/" + shared, null).status());
        assertError(404, "not_found", call(ada, "GET", "/v1/playlists/" + shared, null), null);
    }

    @Test
    void aPlaylistHoldsAtMostTenThousandTracks() throws Exception {
        User ada = user("ada");
        String id = create(ada, "{\"name\": \"Huge\"}").get("id").asText();
        String hundred = IntStream.range(0, 100).mapToObj(i -> "\"" + uri(i % 5) + "\"").collect(Collectors.joining(",", "[", "]"));
        for (int i = 0; i < 100; i++) {
            HttpAnswer added = call(ada, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + hundred + "}");
            assertEquals(201, added.status(), added.toString());
        }
        assertError(400, "playlist_full", call(ada, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris(0) + "}"), "10000");
        JsonNode last = call(ada, "GET", "/v1/playlists/" + id + "/tracks?offset=9990&limit=100", null).json();
        assertEquals(10_000, last.get("total").asInt());
        assertEquals(10, last.get("items").size());
        assertNull(last.get("next").textValue());
        assertTrue(last.get("previous").asText().startsWith("http://"), last.get("previous").asText());
    }

    @Test
    void savedTracksAndAlbumsAndFollowsAreTheUsersOwn() throws Exception {
        User ada = user("ada");
        User bob = user("bob");
        assertEquals(200, call(ada, "PUT", "/v1/me/tracks?ids=" + tracks.get(0) + "," + tracks.get(1), null).status());
        assertEquals(200, call(ada, "PUT", "/v1/me/tracks", "{\"ids\": [\"" + tracks.get(1) + "\"]}").status(), "saving again is no error");
        assertEquals("[true,true,false]", call(ada, "GET", "/v1/me/tracks/contains?ids=" + tracks.get(0) + "," + tracks.get(1) + "," + tracks.get(2), null)
                .json().toString());
        assertEquals("[false]", call(bob, "GET", "/v1/me/tracks/contains?ids=" + tracks.get(0), null).json().toString());
        JsonNode saved = call(ada, "GET", "/v1/me/tracks?limit=1", null).json();
        assertEquals(2, saved.get("total").asInt());
        assertEquals("track", saved.get("items").get(0).get("track").get("type").asText());
        assertTrue(saved.get("next").asText().contains("offset=1"), saved.toString());
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/tracks?ids=nosuchtrack", null), "nosuchtrack");
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/tracks?ids=" + String.join(",", Collections.nCopies(51, tracks.get(0))), null), "51");
        assertError(400, "invalid_parameter", call(ada, "GET", "/v1/me/tracks/contains", null), "ids");
        assertEquals(200, call(ada, "DELETE", "/v1/me/tracks?ids=" + tracks.get(0), null).status());
        assertEquals("[false,true]", call(ada, "GET", "/v1/me/tracks/contains?ids=" + tracks.get(0) + "," + tracks.get(1), null).json().toString());

        assertEquals(200, call(ada, "PUT", "/v1/me/albums?ids=" + album, null).status());
        JsonNode albums = call(ada, "GET", "/v1/me/albums", null).json();
        assertEquals(album, albums.get("items").get(0).get("album").get("id").asText());
        assertEquals("[true]", call(ada, "GET", "/v1/me/albums/contains?ids=" + album, null).json().toString());
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/albums?ids=" + tracks.get(0), null), tracks.get(0));

        int before = server.get("/v1/artists/" + artist).json().get("followers").get("total").asInt();
        assertEquals(204, call(ada, "PUT", "/v1/me/following?type=artist&ids=" + artist, null).status());
        assertEquals(204, call(bob, "PUT", "/v1/me/following?type=artist", "{\"ids\": [\"" + artist + "\"]}").status());
        assertEquals(before + 2, server.get("/v1/artists/" + artist).json().get("followers").get("total").asInt(), "artist followers come from the library");
        JsonNode following = call(ada, "GET", "/v1/me/following?type=artist", null).json().get("artists");
        assertEquals(1, following.get("total").asInt());
        assertEquals(artist, following.get("items").get(0).get("id").asText());
        assertEquals("[true]", call(ada, "GET", "/v1/me/following/contains?type=artist&ids=" + artist, null).json().toString());
        assertEquals(204, call(ada, "PUT", "/v1/me/following?type=user&ids=" + bob.id(), null).status());
        assertEquals("[true]", call(ada, "GET", "/v1/me/following/contains?type=user&ids=" + bob.id(), null).json().toString());
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/following?type=user&ids=" + ada.id(), null), "oneself");
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/following?type=user&ids=nosuchuser", null), "nosuchuser");
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/following?type=band&ids=" + artist, null), "type");
        assertError(400, "invalid_parameter", call(ada, "PUT", "/v1/me/following?type=artist&ids=nosuchartist", null), "nosuchartist");
        assertEquals(204, call(bob, "DELETE", "/v1/me/following?type=artist&ids=" + artist, null).status());
        assertEquals(before + 1, server.get("/v1/artists/" + artist).json().get("followers").get("total").asInt());
    }

    @Test
    void followersContainsFieldsMarketAndQueryUrisAnswerAsSpotifys() throws Exception {
        User ada = user("ada");
        User bob = user("bob");
        String id = create(ada, "{\"name\": \"Fields\", \"public\": true}").get("id").asText();
        assertEquals(201, call(ada, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris(0, 1) + "}").status());

        // GET /v1/playlists/{id}/followers/contains: the caller by default, or the ids named
        assertEquals("[true]", call(ada, "GET", "/v1/playlists/" + id + "/followers/contains", null).json().toString(), "the owner follows it");
        assertEquals("[false]", call(bob, "GET", "/v1/playlists/" + id + "/followers/contains?ids=" + bob.id(), null).json().toString());
        assertEquals(200, call(bob, "PUT", "/v1/playlists/" + id + "/followers", null).status());
        assertEquals("[true]", call(bob, "GET", "/v1/playlists/" + id + "/followers/contains", null).json().toString());
        assertEquals("[true, true]".replace(" ", ""), call(bob, "GET", "/v1/playlists/" + id + "/followers/contains?ids=" + bob.id() + "," + ada.id(), null)
                .json().toString());
        assertError(400, "invalid_parameter", call(bob, "GET", "/v1/playlists/" + id + "/followers/contains?ids=not-a-user", null), "ids");
        assertError(400, "invalid_parameter", call(bob, "GET", "/v1/playlists/" + id + "/followers/contains?ids=", null), "ids");
        String hidden = create(ada, "{\"name\": \"Hidden\", \"public\": false}").get("id").asText();
        assertError(404, "not_found", call(bob, "GET", "/v1/playlists/" + hidden + "/followers/contains", null), null);

        // fields: Spotify's filter, flat and nested
        JsonNode few = call(bob, "GET", "/v1/playlists/" + id + "?fields=" + URLEncoder.encode("name,tracks.items(track(name,id))", StandardCharsets.UTF_8),
                null).json();
        assertEquals(List.of("name", "tracks"), fieldNames(few));
        assertEquals(List.of("items"), fieldNames(few.get("tracks")));
        assertEquals(List.of("track"), fieldNames(few.get("tracks").get("items").get(0)));
        assertEquals(List.of("name", "id"), fieldNames(few.get("tracks").get("items").get(0).get("track")));
        assertEquals(tracks.get(1), few.get("tracks").get("items").get(1).get("track").get("id").asText());
        JsonNode items = call(bob, "GET", "/v1/playlists/" + id + "/tracks?fields=" + URLEncoder.encode("total,items(added_by.id)", StandardCharsets.UTF_8),
                null).json();
        assertEquals(List.of("total", "items"), fieldNames(items));
        assertEquals(ada.id(), items.get("items").get(0).get("added_by").get("id").asText());
        assertEquals(1, items.get("items").get(0).size());
        assertError(400, "invalid_parameter", call(bob, "GET", "/v1/playlists/" + id + "?fields=" + URLEncoder.encode("tracks(!items)", StandardCharsets.UTF_8),
                null), "fields");
        assertError(400, "invalid_parameter", call(bob, "GET", "/v1/playlists/" + id + "/tracks?fields=" + URLEncoder.encode("items(track", StandardCharsets.UTF_8),
                null), "fields");
        assertEquals(200, call(bob, "GET", "/v1/playlists/" + id + "?market=ES", null).status());
        assertEquals(200, call(bob, "GET", "/v1/playlists/" + id + "/tracks?market=from_token", null).status());

        // uris in the query string are query parameters: a bad one is invalid_parameter
        String tracksPath = "/v1/playlists/" + id + "/tracks";
        assertError(400, "invalid_parameter", call(ada, "POST", tracksPath + "?uris=" + URLEncoder.encode("audotics:album:" + album, StandardCharsets.UTF_8), null),
                "uris");
        assertError(400, "invalid_parameter", call(ada, "POST", tracksPath + "?uris=" + URLEncoder.encode("audotics:track:nosuchtrack", StandardCharsets.UTF_8),
                null), "nosuchtrack");
        assertError(400, "invalid_parameter", call(ada, "PUT", tracksPath + "?uris=" + URLEncoder.encode("spotify:track:", StandardCharsets.UTF_8), null), "uris");
        assertEquals(2, call(ada, "GET", "/v1/playlists/" + id, null).json().get("tracks").get("total").asInt(), "nothing written");

        // artists' followers.total of a list of artists come from one batched count
        int before = server.get("/v1/artists/" + artist).json().get("followers").get("total").asInt();
        assertEquals(204, call(bob, "PUT", "/v1/me/following?type=artist&ids=" + artist, null).status());
        JsonNode several = server.get("/v1/artists?ids=" + artist).json().get("artists");
        assertEquals(before + 1, several.get(0).get("followers").get("total").asInt());
        assertEquals(204, call(bob, "DELETE", "/v1/me/following?type=artist&ids=" + artist, null).status());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void deletingAnAccountDeletesItsLibrary() throws Exception {
        User carol = user("carol");
        String id = create(carol, "{\"name\": \"Carol's\"}").get("id").asText();
        call(carol, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": " + uris(0) + "}");
        call(carol, "PUT", "/v1/me/tracks?ids=" + tracks.get(0), null);
        call(carol, "PUT", "/v1/me/following?type=artist&ids=" + artist, null);
        assertEquals(1, running.database().count("SELECT COUNT(*) FROM library_saved WHERE user_id = ?", carol.id()));
        assertEquals(204, call(carol, "DELETE", "/v1/me", null).status());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (running.database().count("SELECT COUNT(*) FROM library_playlist WHERE owner_id = ?", carol.id()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // ACCOUNT_DELETED is delivered asynchronously
        }
        assertEquals(0, running.database().count("SELECT COUNT(*) FROM library_playlist WHERE owner_id = ?", carol.id()));
        assertEquals(0, running.database().count("SELECT COUNT(*) FROM library_playlist_track WHERE playlist_id = ?", id));
        assertEquals(0, running.database().count("SELECT COUNT(*) FROM library_saved WHERE user_id = ?", carol.id()));
        assertEquals(0, running.database().count("SELECT COUNT(*) FROM library_follow WHERE user_id = ?", carol.id()));
    }
}
