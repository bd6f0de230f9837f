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
 * {@code GET /v1/recommendations} on a catalog with known structure: 30 calm tracks (genre itcalm,
 * energy 0.10..0.39, tempo 70..99) and 30 loud ones (genre itloud, energy 0.70..0.99, tempo 140..169).
 */
@ExtendWith(SharedServer.class)
class RecommendationIT {

    private static AudoticsServer server;
    /** track id -> {energy, tempo, popularity} */
    private static final Map<String, double[]> FEATURES = new HashMap<>();
    private static final Map<String, String> GENRE = new HashMap<>();
    private static String calmSeed;

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder lines = new StringBuilder();
        List<double[]> planned = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            planned.add(new double[] {0.10 + i / 100.0, 70 + i, i * 3});
            genres.add("itcalm");
            planned.add(new double[] {0.70 + i / 100.0, 140 + i, 100 - i * 3});
            genres.add("itloud");
        }
        for (int i = 0; i < planned.size(); i++) {
            double[] f = planned.get(i);
            lines.append(TrackLines.track("rec-it-" + i, genres.get(i) + "-" + i, "rec-it-artist-" + genres.get(i), genres.get(i),
                    (int) f[2], f[0], f[1])).append('\n');
        }
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        JsonNode tracks = imported.json().get("tracks");
        for (int i = 0; i < tracks.size(); i++) {
            String id = tracks.get(i).get("id").asText();
            FEATURES.put(id, planned.get(i));
            GENRE.put(id, genres.get(i));
        }
        calmSeed = tracks.get(0).get("id").asText();
        awaitIndexed();
    }

    /** The engine re-reads the catalog at most once per second after an import (documented staleness). */
    private static void awaitIndexed() throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = server.get("/v1/recommendations?seed_genres=itloud&limit=1");
            if (answer.status() == 200 && answer.json().get("tracks").size() == 1
                    && "itloud".equals(GENRE.get(answer.json().get("tracks").get(0).get("id").asText()))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the engine did not index the imported tracks within 15 s");
    }

    private static List<String> ids(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    @Test
    void genreSeedsRecommendTracksOfThatGenre() throws Exception {
        HttpAnswer answer = server.get("/v1/recommendations?seed_genres=itloud&limit=10");
        assertEquals(200, answer.status(), answer.toString());
        List<String> ids = ids(answer);
        assertEquals(10, ids.size());
        assertTrue(ids.stream().allMatch(id -> "itloud".equals(GENRE.get(id))), ids.toString());
        JsonNode seed = answer.json().get("seeds").get(0);
        assertEquals("GENRE", seed.get("type").asText());
        assertEquals("itloud", seed.get("id").asText());
        assertTrue(seed.has("initialPoolSize") && seed.has("afterFilteringSize"));
        JsonNode recommender = server.get("/v1/recommender").json();
        String engine = recommender.get("name").asText();
        assertEquals(engine, answer.header("Audotics-Engine"), "the header names the engine the server reports");
        // the hybrid engine's model ranks no genre seed: the sound engine produced every track, and the answer says so
        String producer = engine.equals("hybrid") ? "feature-knn" : engine;
        assertEquals(engine.equals("hybrid") ? "feature-knn=10" : null, answer.header("Audotics-Engine-Fallback"), answer.toString());
        HttpAnswer explained = server.get("/v1/recommendations?seed_genres=itloud&limit=3&explain=true");
        assertEquals(3, explained.json().get("tracks").size(), explained.toString());
        explained.json().get("tracks").forEach(track -> assertEquals(producer, track.path("explanation").path("engine").asText(), track.toString()));
        JsonNode produced = server.get("/v1/recommender").json().get("produced_tracks");
        assertTrue(produced.path(producer).asLong() >= 13, "GET /v1/recommender counts who produced the answered tracks: " + produced);
    }

    @Test
    void aSeedTrackBringsItsNeighboursAndNeverItself() throws Exception {
        HttpAnswer answer = server.get("/v1/recommendations?seed_tracks=" + calmSeed + "&limit=5");
        List<String> ids = ids(answer);
        assertEquals(5, ids.size());
        assertFalse(ids.contains(calmSeed));
        // the shared server holds other tests' calm tracks too: whatever engine answers, a calm seed's neighbours are
        // calm (energy below 0.5), never this test's loud ones
        assertTrue(ids.stream().noneMatch(id -> "itloud".equals(GENRE.get(id))), ids.toString());
        server.get("/v1/audio-features?ids=" + String.join(",", ids)).json().get("audio_features")
                .forEach(features -> assertTrue(features.get("energy").asDouble() < 0.5, features.toString()));
    }

    @Test
    void boundsAreHonouredAndTargetsPull() throws Exception {
        String band = "/v1/recommendations?seed_tracks=" + calmSeed + "&min_tempo=150&max_tempo=160&limit=20&target_energy=";
        HttpAnswer answer = server.get(band + "0.95");
        assertEquals(200, answer.status(), answer.toString());
        List<String> ids = ids(answer);
        List<String> ours = ids.stream().filter(FEATURES::containsKey).toList();
        assertFalse(ours.isEmpty(), "this test's loud tracks with tempo 150..160 are there: " + ids);
        assertTrue(ours.stream().allMatch(id -> FEATURES.get(id)[1] >= 150 && FEATURES.get(id)[1] <= 160), ids.toString());
        assertTrue(ids.size() <= 20);
        // a target pulls: the higher the target energy, the higher the answer's energy (this test's tracks, first 3)
        assertTrue(meanEnergy(ids(server.get(band + "0.99"))) >= meanEnergy(ids(server.get(band + "0.70"))),
                "target_energy=0.99 answers louder tracks first than target_energy=0.70");
    }

    /** The mean energy of the first three of this test's tracks in an answer. */
    private static double meanEnergy(List<String> ids) {
        return ids.stream().filter(FEATURES::containsKey).limit(3).mapToDouble(id -> FEATURES.get(id)[0]).average().orElseThrow();
    }

    @Test
    void popularityBoundsFilterOnTheReturnedField() throws Exception {
        HttpAnswer answer = server.get("/v1/recommendations?seed_genres=itcalm&max_popularity=20&limit=50");
        assertEquals(200, answer.status());
        answer.json().get("tracks").forEach(track -> assertTrue(track.get("popularity").asInt() <= 20, track.toString()));
        assertFalse(ids(answer).isEmpty());
    }

    @Test
    void availableGenreSeedsListTheCatalogGenres() throws Exception {
        HttpAnswer answer = server.get("/v1/recommendations/available-genre-seeds");
        List<String> genres = new ArrayList<>();
        answer.json().get("genres").forEach(genre -> genres.add(genre.asText()));
        assertTrue(genres.containsAll(List.of("itcalm", "itloud")), genres.toString());
    }

    @Test
    void theActiveEngineIsReported() throws Exception {
        HttpAnswer answer = server.get("/v1/recommender");
        assertEquals(200, answer.status(), answer.toString());
        String name = answer.json().get("name").asText();
        assertEquals(name, server.get("/v1/recommendations?seed_genres=itcalm&limit=1").header("Audotics-Engine"));
        assertTrue(answer.json().get("bundle").asText().startsWith("org.audotics."), answer.toString());
        // the built-in engine ranks -100; whichever the server has by default ranks at least that
        assertTrue(answer.json().get("ranking").asInt() >= -100, answer.toString());
    }

    @Test
    void badRequestsGetTheDocumentedErrors() throws Exception {
        assertError("/v1/recommendations?limit=5", 422, "no_seed", "at least one of seed_tracks, seed_artists, seed_genres is required");
        assertError("/v1/recommendations?seed_genres=a,b,c,d,e,f", 400, "invalid_parameter",
                "at most 5 seeds in all (seed_tracks, seed_artists, seed_genres) are allowed, got 6");
        assertError("/v1/recommendations?seed_genres=itcalm&target_energy=2", 400, "invalid_parameter",
                "target_energy must be between 0 and 1");
        assertError("/v1/recommendations?seed_genres=itcalm&min_tempo=160&max_tempo=100", 400, "invalid_parameter",
                "min_tempo must not exceed max_tempo");
        assertError("/v1/recommendations?seed_genres=itcalm&limit=101", 400, "invalid_parameter",
                "limit must be a whole number between 1 and 100");
        assertError("/v1/recommendations?seed_genres=itcalm&target_warmth=1", 400, "invalid_parameter", null);
        assertError("/v1/recommendations?seed_tracks=doesnotexist", 422, "unknown_seed",
                "seed_tracks names unknown track 'doesnotexist'");
        assertError("/v1/recommendations?seed_genres=nosuchgenre", 422, "unknown_seed",
                "seed_genres names unknown genre 'nosuchgenre'");
        assertError("/v1/recommendations?seed_artists=nobody", 422, "unknown_seed",
                "seed_artists names unknown artist 'nobody'");
    }

    private static void assertError(String path, int status, String code, String message) throws Exception {
        HttpAnswer answer = server.get(path);
        assertEquals(status, answer.status(), path + " -> " + answer);
        assertEquals(code, answer.errorCode(), path);
        if (message != null) {
            assertEquals(message, answer.errorMessage(), path);
        }
    }
}
