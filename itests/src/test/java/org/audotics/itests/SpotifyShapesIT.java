package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Spotify-shaped object the server answers with, read through the built server and checked field by
 * field against Spotify's published OpenAPI description ({@link SpotifySchema}): what spotify-web-api-java,
 * or a client generated from that description, parses without surprise.
 */
@ExtendWith(SharedServer.class)
class SpotifyShapesIT {

    private static AudoticsServer server;
    private static String full;
    private static String noAlbum;
    private static String undated;

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        HttpAnswer imported = server.importLines(String.join("\n",
                TrackLines.track("shapes-full", "Full", "shapes-artist", "shapes-genre", 30, 0.6, 120.5),
                "{\"external_id\":\"shapes-no-album\",\"name\":\"No album\",\"artists\":[{\"name\":\"Shapes\"}],\"duration_ms\":12000,"
                        + "\"genres\":[\"shapes-genre\"]}",
                "{\"external_id\":\"shapes-undated\",\"name\":\"Undated\",\"artists\":[{\"name\":\"Shapes\"}],\"duration_ms\":1000,"
                        + "\"album\":{\"external_id\":\"shapes-undated-album\",\"name\":\"Undated album\"}}"));
        assertEquals(200, imported.status(), imported.toString());
        full = imported.json().get("tracks").get(0).get("id").asText();
        noAlbum = imported.json().get("tracks").get(1).get("id").asText();
        undated = imported.json().get("tracks").get(2).get("id").asText();
    }

    private static void assertFits(String schema, JsonNode value) {
        List<String> mismatches = SpotifySchema.mismatches(schema, value);
        assertTrue(mismatches.isEmpty(), schema + " does not fit Spotify's types:\n" + String.join("\n", mismatches) + "\nin " + value);
    }

    @Test
    void theTrackObjectHasSpotifysTypes() throws Exception {
        for (String id : List.of(full, noAlbum, undated)) {
            HttpAnswer track = server.get("/v1/tracks/" + id);
            assertEquals(200, track.status(), track.toString());
            assertFits("TrackObject", track.json());
        }
        HttpAnswer several = server.get("/v1/tracks?ids=" + full + "," + noAlbum + "," + undated);
        several.json().get("tracks").forEach(track -> assertFits("TrackObject", track));
        assertFalse(server.get("/v1/tracks/" + noAlbum).json().has("album"), "no album: left out, not null");
        assertEquals("0000", server.get("/v1/tracks/" + undated).json().get("album").get("release_date").asText());
    }

    @Test
    void theAudioFeaturesObjectHasSpotifysTypes() throws Exception {
        HttpAnswer one = server.get("/v1/audio-features/" + full);
        assertEquals(200, one.status(), one.toString());
        assertFits("AudioFeaturesObject", one.json());
        server.get("/v1/audio-features?ids=" + full).json().get("audio_features").forEach(f -> assertFits("AudioFeaturesObject", f));
    }

    @Test
    void theAudioAnalysisAndTheAnalysedFeaturesHaveSpotifysTypes() throws Exception {
        HttpAnswer accepted = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + noAlbum + "/audio"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(AudioPipelineIT.clickTrack(126, 12))));
        assertEquals(202, accepted.status(), accepted.toString());
        String job = accepted.header("Location").substring(accepted.header("Location").indexOf("/v1/"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.get(job).json().get("state").asText().equals("done") && System.nanoTime() < deadline) {
            assertFalse(server.get(job).json().get("state").asText().equals("failed"), server.get(job).toString());
            Thread.sleep(200);
        }
        HttpAnswer analysis = server.get("/v1/audio-analysis/" + noAlbum);
        assertEquals(200, analysis.status(), analysis.toString());
        assertFits("AudioAnalysisObject", analysis.json());
        assertTrue(analysis.json().get("meta").get("analysis_time").asDouble() > 0, "the seconds the analysis took");
        assertFits("AudioFeaturesObject", server.get("/v1/audio-features/" + noAlbum).json());
    }

    @Test
    void theRecommendationsObjectHasSpotifysTypes() throws Exception {
        HttpAnswer answer = server.get("/v1/recommendations?seed_genres=shapes-genre&seed_tracks=" + full + "&limit=10");
        assertEquals(200, answer.status(), answer.toString());
        ObjectNode body = answer.json().deepCopy();
        ArrayNode tracks = body.putArray("tracks");
        answer.json().get("tracks").forEach(track -> tracks.add(track));
        assertFits("RecommendationsObject", body);
        assertEquals(2, body.get("seeds").size(), body.toString());
    }

    /** A new user's access token. */
    private static String[] user(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@shapes-it.example.org";
        String password = "shapes of things 77";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        assertEquals(200, granted.status(), granted.toString());
        return new String[] {registered.json().get("id").asText(), granted.json().get("access_token").asText()};
    }

    private static HttpAnswer call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpAnswer answer = server.send(request);
        assertTrue(answer.status() / 100 == 2, method + " " + path + ": " + answer);
        return answer;
    }

    @Test
    void theLibrarysPlaylistsSavedItemsAndFollowsHaveSpotifysTypes() throws Exception {
        String[] listener = user("shapes");
        String token = listener[1];
        String id = call(token, "POST", "/v1/users/" + listener[0] + "/playlists", "{\"name\": \"Shapes\", \"description\": \"of things\"}")
                .json().get("id").asText();
        call(token, "POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": [\"audotics:track:" + full + "\", \"audotics:track:" + noAlbum + "\"]}");
        call(token, "PUT", "/v1/me/tracks?ids=" + full, null);
        String album = server.get("/v1/tracks/" + full).json().get("album").get("id").asText();
        String artist = server.get("/v1/tracks/" + full).json().get("artists").get(0).get("id").asText();
        call(token, "PUT", "/v1/me/albums?ids=" + album, null);
        call(token, "PUT", "/v1/me/following?type=artist&ids=" + artist, null);

        assertFits("PlaylistObject", call(token, "GET", "/v1/playlists/" + id, null).json());
        JsonNode mine = call(token, "GET", "/v1/me/playlists", null).json();
        assertFits("PagingPlaylistObject", mine);
        assertFits("PagingPlaylistObject", call(token, "GET", "/v1/users/" + listener[0] + "/playlists", null).json());
        assertFits("PagingPlaylistTrackObject", call(token, "GET", "/v1/playlists/" + id + "/tracks", null).json());
        assertFits("PagingSavedTrackObject", call(token, "GET", "/v1/me/tracks", null).json());
        assertFits("PagingSavedAlbumObject", call(token, "GET", "/v1/me/albums", null).json());
        JsonNode following = call(token, "GET", "/v1/me/following?type=artist", null).json();
        assertTrue(following.has("artists"), following.toString());
        assertFits("CursorPagingSimplifiedArtistObject", following.get("artists"));
        assertEquals(1, mine.get("items").size());
    }

    /** The history bundle's answers (owned by another engineer: a difference found here is reported there, not fixed here). */
    @Test
    void theHistorysRecentlyPlayedAndTopTracksHaveSpotifysTypes() throws Exception {
        String token = user("shapes-history")[1];
        String startedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        call(token, "POST", "/v1/me/events", "{\"batch_id\": \"shapes-" + UUID.randomUUID() + "\", \"events\": [{\"type\": \"play\", \"track_id\": \"" + full
                + "\", \"started_at\": \"" + startedAt + "\", \"ms_played\": 100000, \"context\": {\"type\": \"album\", \"id\": \"shapes\"}}]}");
        List<String> recently = SpotifySchema.mismatches("CursorPagingPlayHistoryObject", call(token, "GET", "/v1/me/player/recently-played", null).json());
        List<String> top = SpotifySchema.mismatches("PagingTrackObject", call(token, "GET", "/v1/me/top/tracks?time_range=short_term", null).json());
        System.out.println("SpotifyShapesIT history differences: recently-played " + recently + "; top tracks " + top);
        assertEquals(List.of(), recently, "recently-played differs from Spotify's CursorPagingPlayHistoryObject");
        assertEquals(List.of(), top, "top tracks differ from Spotify's PagingTrackObject");
    }
}
