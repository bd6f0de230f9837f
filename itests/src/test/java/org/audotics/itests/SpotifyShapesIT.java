package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
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
}
