package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/tracks/{id}/similar} on 20 calm tracks (genre simcalm, energy 0.10..0.29) and 20 loud ones
 * (simloud, energy 0.75..0.94, tempo 175..194, outside RecommendationIT's tempo band), each genre by one artist: whatever engine answers, a calm track's similar
 * tracks are never loud ones (the shared server holds other tests' calm tracks too, so they may be among them).
 */
@ExtendWith(SharedServer.class)
class SimilarTracksIT {

    private static AudoticsServer server;
    private static final Map<String, String> GENRE = new HashMap<>();
    private static final List<String> CALM = new ArrayList<>();

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append(TrackLines.track("sim-it-calm-" + i, "simcalm-" + i, "sim-it-calm-artist", "simcalm", 40, 0.10 + i / 100.0, 80 + i)).append('\n');
            lines.append(TrackLines.track("sim-it-loud-" + i, "simloud-" + i, "sim-it-loud-artist", "simloud", 40, 0.75 + i / 100.0, 175 + i)).append('\n');
        }
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        JsonNode tracks = imported.json().get("tracks");
        for (int i = 0; i < tracks.size(); i++) {
            String id = tracks.get(i).get("id").asText();
            GENRE.put(id, i % 2 == 0 ? "simcalm" : "simloud");
            if (i % 2 == 0) {
                CALM.add(id);
            }
        }
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = server.get("/v1/tracks/" + CALM.get(0) + "/similar?limit=10");
            if (answer.status() == 200 && answer.json().get("tracks").size() == 10
                    && ids(answer).stream().anyMatch(id -> "simcalm".equals(GENRE.get(id)))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("similar tracks of the imported catalog not answered within 15 s");
    }

    private static List<String> ids(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    @Test
    void similarTracksSoundAlikeNeverIncludeTheTrackAndAreSpotifyTrackObjects() throws Exception {
        String track = CALM.get(5);
        HttpAnswer answer = server.get("/v1/tracks/" + track + "/similar?limit=10&market=SE");
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(List.of("tracks"), iterable(answer.json().fieldNames()));
        List<String> ids = ids(answer);
        assertEquals(10, ids.size());
        assertFalse(ids.contains(track));
        assertEquals(ids.size(), ids.stream().distinct().count(), "each once");
        assertTrue(ids.stream().noneMatch(id -> "simloud".equals(GENRE.get(id))), "no loud track is like a calm one: " + ids);
        assertTrue(ids.stream().anyMatch(id -> "simcalm".equals(GENRE.get(id))), ids.toString());
        answer.json().get("tracks").forEach(t -> assertEquals(List.of(), SpotifySchema.mismatches("TrackObject", t), t.toString()));
        assertTrue(answer.header("Audotics-Engine") != null);
        // without a limit: Spotify's default of 20 at most
        assertTrue(ids(server.get("/v1/tracks/" + track + "/similar")).size() <= 20);
    }

    @Test
    void exclusionsArtistCapAndExplanationsHold() throws Exception {
        String track = CALM.get(0);
        List<String> excluded = CALM.subList(1, 4);
        HttpAnswer answer = server.get("/v1/tracks/" + track + "/similar?limit=15&exclude_tracks=" + String.join(",", excluded) + "&explain=true");
        assertEquals(200, answer.status(), answer.toString());
        List<String> ids = ids(answer);
        assertFalse(ids.isEmpty());
        excluded.forEach(id -> assertFalse(ids.contains(id), "excluded " + id));
        answer.json().get("tracks").forEach(t -> {
            JsonNode explanation = t.get("explanation");
            assertTrue(explanation != null && explanation.get("reasons").size() > 0, t.toString());
            assertTrue(explanation.get("signals").has("sound"), t.toString());
        });
        HttpAnswer capped = server.get("/v1/tracks/" + track + "/similar?limit=15&max_per_artist=2");
        assertEquals(200, capped.status(), capped.toString());
        Map<String, Integer> perArtist = new HashMap<>();
        capped.json().get("tracks").forEach(t -> t.get("artists").forEach(a -> perArtist.merge(a.get("id").asText(), 1, Integer::sum)));
        assertFalse(perArtist.isEmpty());
        perArtist.forEach((artist, count) -> assertTrue(count <= 2, artist + " " + count + " times: " + capped));
    }

    @Test
    void badInputIsAnsweredWithOurErrors() throws Exception {
        String track = CALM.get(0);
        assertError("/v1/tracks/" + track + "/similar?limit=0", 400, "invalid_parameter");
        assertError("/v1/tracks/" + track + "/similar?limit=101", 400, "invalid_parameter");
        assertError("/v1/tracks/" + track + "/similar?limit=ten", 400, "invalid_parameter");
        assertError("/v1/tracks/" + track + "/similar?market=Sweden", 400, "invalid_parameter");
        assertError("/v1/tracks/" + track + "/similar?seed_tracks=" + track, 400, "invalid_parameter");
        assertError("/v1/tracks/" + track + "/similar?min_energy=0.5", 400, "invalid_parameter");
        assertError("/v1/tracks/nosuchtrack0000000000/similar", 404, "not_found");
        assertError("/v1/tracks/bad%20id!/similar", 400, "invalid_parameter");
        // the catalog's own track route still answers beside ours
        assertEquals(200, server.get("/v1/tracks/" + track).status());
    }

    private static void assertError(String path, int status, String code) throws Exception {
        HttpAnswer answer = server.get(path);
        assertEquals(status, answer.status(), path + " -> " + answer);
        assertEquals(code, answer.errorCode(), path + " -> " + answer);
        assertFalse(answer.errorMessage() == null || answer.errorMessage().isBlank(), path);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
