package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recommendations for who is asking, through the built distribution: a jazz listener gets jazz and a metal
 * listener metal (from their history alone, no seed), bans are never recommended, exclusions, the artist cap and
 * min/max hold over random requests, explanations are given, and {@code POST /v1/recommendations/group} answers
 * for whom each track is, with our 400s for bad members and weights.
 *
 * <p>Its tracks have tempi above 240 (away from RecommendationIT's clusters in the shared database) and genres and
 * artists unique to the run.
 */
@ExtendWith(SharedServer.class)
class PersonalRecommendationIT {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String JAZZ = "pjazz" + RUN;
    private static final String METAL = "pmetal" + RUN;

    private static AudoticsServer server;
    private static final List<String> JAZZ_TRACKS = new ArrayList<>();
    private static final List<String> METAL_TRACKS = new ArrayList<>();
    private static final Map<String, Double> ENERGY = new HashMap<>();
    private static Listener jazzFan;
    private static Listener metalFan;
    private static Listener newcomer;

    @BeforeAll
    static void listeners(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            lines.append(TrackLines.track("pers-jazz-" + RUN + "-" + i, "jazz " + i, "pers-jazz-artist-" + RUN + "-" + (i % 3),
                    JAZZ, 30 + i, 0.02 + i / 100.0, 250 + i)).append('\n');
            lines.append(TrackLines.track("pers-metal-" + RUN + "-" + i, "metal " + i, "pers-metal-artist-" + RUN + "-" + (i % 3),
                    METAL, 30 + i, 0.99 - i / 100.0, 250 + i)).append('\n');
        }
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        JsonNode tracks = imported.json().get("tracks");
        for (int i = 0; i < tracks.size(); i++) {
            String id = tracks.get(i).get("id").asText();
            (i % 2 == 0 ? JAZZ_TRACKS : METAL_TRACKS).add(id);
            ENERGY.put(id, i % 2 == 0 ? 0.02 + (i / 2) / 100.0 : 0.99 - (i / 2) / 100.0);
        }
        awaitIndexed();
        jazzFan = Listener.signUp(server, "jazzfan");
        metalFan = Listener.signUp(server, "metalfan");
        newcomer = Listener.signUp(server, "newcomer");
        plays(jazzFan, JAZZ_TRACKS.subList(0, 3));
        plays(metalFan, METAL_TRACKS.subList(0, 3));
    }

    private static void awaitIndexed() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ("popularity".equals(server.get("/v1/recommender").json().get("name").asText())) {
            assertTrue(System.nanoTime() < deadline, "the server's own engine answers (no example engine left deployed)");
            Thread.sleep(200);
        }
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = server.get("/v1/recommendations?seed_genres=" + JAZZ + "," + METAL + "&limit=100");
            if (answer.status() == 200 && ids(answer).containsAll(JAZZ_TRACKS.subList(1, 12))
                    && ids(answer).containsAll(METAL_TRACKS.subList(1, 12))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run's tracks were not indexed within 60 s");
    }

    private static void plays(Listener listener, List<String> tracks) throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            events.add(Listener.play(tracks.get(i), ago(30 + i), 180_000));
        }
        HttpAnswer stored = listener.postEvents(server, Listener.batch("plays-" + UUID.randomUUID(), events.toArray(String[]::new)));
        assertEquals(200, stored.status(), stored.toString());
    }

    private static String ago(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<String> ids(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    private static Set<String> genresOf(HttpAnswer answer) {
        Set<String> genres = new HashSet<>();
        answer.json().get("tracks").forEach(track -> track.get("genres").forEach(genre -> genres.add(genre.asText())));
        return genres;
    }

    @Test
    void aJazzListenerGetsJazzAndAMetalListenerMetalFromTheirHistoryAlone() throws Exception {
        HttpAnswer jazz = jazzFan.get(server, "/v1/me/recommendations?limit=5&exploration=0");
        HttpAnswer metal = metalFan.get(server, "/v1/me/recommendations?limit=5&exploration=0");
        assertEquals(200, jazz.status(), jazz.toString());
        assertEquals(200, metal.status(), metal.toString());
        assertEquals(Set.of(JAZZ), genresOf(jazz), jazz.toString());
        assertEquals(Set.of(METAL), genresOf(metal), metal.toString());
        assertNotEquals(ids(jazz), ids(metal));
        assertEquals(5, ids(jazz).size());

        HttpAnswer seedless = jazzFan.get(server, "/v1/recommendations?limit=5&exploration=0");
        assertEquals(200, seedless.status(), seedless.toString());
        assertEquals(Set.of(JAZZ), genresOf(seedless), "a listener's token personalises /v1/recommendations too");
    }

    @Test
    void theSameSeedsAnswerDifferentlyForDifferentListeners() throws Exception {
        String path = "/v1/recommendations?seed_genres=" + JAZZ + "," + METAL + "&limit=6&exploration=0";
        List<String> forJazz = ids(jazzFan.get(server, path));
        List<String> forMetal = ids(metalFan.get(server, path));
        assertNotEquals(forJazz, forMetal);
        assertTrue(JAZZ_TRACKS.contains(forJazz.get(0)), "the jazz listener's first is jazz: " + forJazz);
        assertTrue(METAL_TRACKS.contains(forMetal.get(0)), "the metal listener's first is metal: " + forMetal);
    }

    @Test
    void aBannedTrackIsNeverRecommendedToTheListenerWhoBannedIt() throws Exception {
        Listener banner = Listener.signUp(server, "banner");
        plays(banner, JAZZ_TRACKS.subList(0, 2));
        String banned = JAZZ_TRACKS.get(5);
        HttpAnswer before = banner.get(server, "/v1/me/recommendations?limit=20&exploration=0");
        assertTrue(ids(before).contains(banned), "a near jazz track is recommended before the ban: " + before);
        HttpAnswer stored = banner.postEvents(server, Listener.batch("ban-" + UUID.randomUUID(),
                "{\"type\":\"ban\",\"track_id\":\"" + banned + "\",\"started_at\":\"" + ago(1) + "\",\"ms_played\":0}"));
        assertEquals(200, stored.status(), stored.toString());
        for (String path : List.of("/v1/me/recommendations?limit=50", "/v1/recommendations?seed_tracks=" + JAZZ_TRACKS.get(6) + "&limit=100",
                "/v1/recommendations?seed_genres=" + JAZZ + "&limit=100")) {
            HttpAnswer after = banner.get(server, path);
            assertEquals(200, after.status(), after.toString());
            assertFalse(ids(after).contains(banned), path + ": " + after);
        }
        assertTrue(ids(jazzFan.get(server, "/v1/recommendations?seed_genres=" + JAZZ + "&limit=100")).contains(banned),
                "another listener still gets it");
    }

    @Test
    void exclusionsArtistCapAndBoundsHoldOverRandomRequests() throws Exception {
        Random random = new Random(7);
        List<String> all = new ArrayList<>(JAZZ_TRACKS);
        all.addAll(METAL_TRACKS);
        Map<String, String> artistOf = new HashMap<>();
        server.get("/v1/recommendations?seed_genres=" + JAZZ + "," + METAL + "&limit=100").json().get("tracks")
                .forEach(track -> artistOf.put(track.get("id").asText(), track.get("artists").get(0).get("id").asText()));
        List<String> artists = artistOf.entrySet().stream().filter(e -> all.contains(e.getKey())).map(Map.Entry::getValue)
                .distinct().sorted().toList();
        List<Listener> who = List.of(jazzFan, metalFan, newcomer);
        for (int run = 0; run < 25; run++) {
            Set<String> excludedTracks = new HashSet<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                excludedTracks.add(all.get(random.nextInt(all.size())));
            }
            Set<String> excludedArtists = new HashSet<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                excludedArtists.add(artists.get(random.nextInt(artists.size())));
            }
            int cap = 1 + random.nextInt(3);
            double min = Math.round(random.nextDouble() * 500) / 1000.0; // as sent: three decimals
            double max = Math.round((min + random.nextDouble() * (1 - min)) * 1000) / 1000.0;
            StringBuilder path = new StringBuilder("/v1/recommendations?limit=").append(1 + random.nextInt(30))
                    .append("&seed_genres=").append(random.nextBoolean() ? JAZZ : METAL)
                    .append("&max_per_artist=").append(cap)
                    .append(String.format(Locale.ROOT, "&min_energy=%.3f&max_energy=%.3f", min, max))
                    .append("&exploration=").append(random.nextInt(11) / 10.0);
            if (!excludedTracks.isEmpty()) {
                path.append("&exclude_tracks=").append(String.join(",", excludedTracks));
            }
            if (!excludedArtists.isEmpty()) {
                path.append("&exclude_artists=").append(String.join(",", excludedArtists));
            }
            HttpAnswer answer = who.get(run % who.size()).get(server, path.toString());
            assertEquals(200, answer.status(), path + " " + answer);
            Map<String, Integer> perArtist = new HashMap<>();
            List<String> answered = ids(answer);
            for (JsonNode track : answer.json().get("tracks")) {
                String id = track.get("id").asText();
                assertFalse(excludedTracks.contains(id), path + ": excluded " + id);
                for (JsonNode artist : track.get("artists")) {
                    String artistId = artist.get("id").asText();
                    assertFalse(excludedArtists.contains(artistId), path + ": excluded artist " + artistId);
                    assertTrue(perArtist.merge(artistId, 1, Integer::sum) <= cap, path + ": cap " + cap);
                }
            }
            if (!answered.isEmpty()) {
                HttpAnswer features = server.get("/v1/audio-features?ids=" + String.join(",", answered));
                for (JsonNode feature : features.json().get("audio_features")) {
                    double energy = feature.get("energy").asDouble();
                    assertTrue(energy >= min - 1e-9 && energy <= max + 1e-9, path + ": energy " + energy);
                }
            }
        }
    }

    @Test
    void explainGivesReasonsAndSignalScoresPerTrack() throws Exception {
        HttpAnswer answer = jazzFan.get(server, "/v1/recommendations?seed_genres=" + JAZZ + "&target_energy=0.05&limit=5&explain=true");
        assertEquals(200, answer.status(), answer.toString());
        boolean closeToTarget = false;
        boolean becauseYouPlay = false;
        for (JsonNode track : answer.json().get("tracks")) {
            JsonNode explanation = track.get("explanation");
            assertTrue(explanation.get("reasons").size() > 0, track.toString());
            explanation.get("signals").fields().forEachRemaining(signal ->
                    assertTrue(signal.getValue().asDouble() >= 0 && signal.getValue().asDouble() <= 1, signal.toString()));
            // which signals depends on the engine (sound for feature-knn, co_listening/taste for the hybrid model); a target
            // asked for is always scored
            assertTrue(explanation.get("signals").size() > 1, track.toString());
            assertTrue(explanation.get("signals").has("target_energy"), track.toString());
            for (JsonNode reason : explanation.get("reasons")) {
                closeToTarget |= reason.asText().equals("close to your target energy");
                becauseYouPlay |= reason.asText().startsWith("because you play ");
            }
            assertTrue(track.has("id") && track.has("uri"), "still a track object");
        }
        assertTrue(closeToTarget, answer.toString());
        assertTrue(becauseYouPlay, answer.toString());
        assertFalse(server.get("/v1/recommendations?seed_genres=" + JAZZ + "&limit=2").json().get("tracks").get(0).has("explanation"));
    }

    @Test
    void badParametersAreOurFourHundreds() throws Exception {
        String seed = "/v1/recommendations?seed_genres=" + JAZZ + "&";
        for (String bad : List.of("exclude_tracks=bad!id", "exclude_artists=,", "max_per_artist=0", "max_per_artist=101",
                "max_per_artist=two", "exploration=1.5", "exploration=-0.1", "exploration=much", "explain=yes",
                "already_heard=sometimes", "exclude_tracks=" + java.util.stream.IntStream.range(0, 101).mapToObj(i -> "x" + i).collect(Collectors.joining(",")))) {
            HttpAnswer answer = jazzFan.get(server, seed + bad);
            assertEquals(400, answer.status(), bad + " " + answer);
            assertEquals("invalid_parameter", answer.json().get("error").get("code").asText(), bad);
        }
        HttpAnswer anonymous = server.get("/v1/recommendations?limit=5");
        assertEquals(422, anonymous.status(), anonymous.toString());
        assertEquals("no_seed", anonymous.json().get("error").get("code").asText());
        HttpAnswer noHistory = newcomer.get(server, "/v1/me/recommendations");
        assertEquals(422, noHistory.status(), noHistory.toString());
        assertEquals("no_seed", noHistory.json().get("error").get("code").asText());
        assertEquals(403, server.get("/v1/me/recommendations").status(), "the admin token has no listener");
    }

    private static HttpAnswer group(Listener caller, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/recommendations/group")).header("Authorization", "Bearer " + caller.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aGroupIsAnsweredForWhomEachTrackIsByEveryStrategy() throws Exception {
        String members = "\"members\": [\"" + jazzFan.id() + "\", \"" + metalFan.id() + "\"]";
        for (String strategy : List.of("average", "least_misery", "average_without_misery", "fairness")) {
            HttpAnswer answer = group(jazzFan, "{" + members + ", \"strategy\": \"" + strategy + "\", \"limit\": 10, \"max_per_artist\": 2}");
            assertEquals(200, answer.status(), strategy + " " + answer);
            assertEquals(strategy, answer.json().get("strategy").asText());
            JsonNode tracks = answer.json().get("tracks");
            assertEquals(10, tracks.size(), answer.toString());
            Map<String, Integer> perArtist = new HashMap<>();
            for (JsonNode track : tracks) {
                JsonNode group = track.get("group");
                assertEquals(Set.of(jazzFan.id(), metalFan.id()), fieldNames(group.get("satisfaction")), track.toString());
                assertTrue(group.get("for").size() >= 1, track.toString());
                assertTrue(group.get("score").asDouble() >= 0 && group.get("score").asDouble() <= 1);
                assertTrue(perArtist.merge(track.get("artists").get(0).get("id").asText(), 1, Integer::sum) <= 2, answer.toString());
            }
            if (strategy.equals("fairness")) {
                List<String> turns = new ArrayList<>();
                tracks.forEach(track -> turns.add(track.get("group").get("for").get(0).asText()));
                assertTrue(turns.contains(jazzFan.id()) && turns.contains(metalFan.id()), "both get turns: " + turns);
                Set<String> ids = new HashSet<>();
                tracks.forEach(track -> ids.add(track.get("id").asText()));
                assertTrue(ids.stream().anyMatch(JAZZ_TRACKS::contains) && ids.stream().anyMatch(METAL_TRACKS::contains),
                        "a fair sequence has jazz and metal: " + answer);
            }
        }
        HttpAnswer jazzOnly = group(metalFan, "{" + members + ", \"weights\": {\"" + jazzFan.id() + "\": 1, \"" + metalFan.id() + "\": 0}, \"limit\": 3}");
        assertEquals(200, jazzOnly.status(), jazzOnly.toString());
        jazzOnly.json().get("tracks").forEach(track -> assertTrue(JAZZ_TRACKS.contains(track.get("id").asText()), jazzOnly.toString()));

        // who proposed the group's tracks: a hybrid without a model passes everything to feature-knn, and says so;
        // with a model, what its fallbacks gave is counted (never more than the answer holds)
        HttpAnswer genreSeeded = group(jazzFan, "{" + members + ", \"seed_genres\": [\"" + JAZZ + "\"], \"limit\": 4}");
        assertEquals(200, genreSeeded.status(), genreSeeded.toString());
        int answered = genreSeeded.json().get("tracks").size();
        String fallback = genreSeeded.header("Audotics-Engine-Fallback");
        if (!genreSeeded.header("Audotics-Engine").equals("hybrid")) {
            assertNull(fallback, genreSeeded.toString());
        } else if (!server.get("/v1/recommender").json().path("model").isObject()) {
            assertEquals("feature-knn=" + answered, fallback, genreSeeded.toString());
        } else if (fallback != null) {
            int counted = 0;
            for (String part : fallback.split(", ")) {
                assertTrue(part.matches("(feature-knn|hybrid-content)=[1-9][0-9]*"), fallback);
                counted += Integer.parseInt(part.substring(part.indexOf('=') + 1));
            }
            assertTrue(counted <= answered, fallback + " of " + answered);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void badGroupsAreOurFourHundreds() throws Exception {
        String me = "\"" + jazzFan.id() + "\"";
        String fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "\"" + UUID.randomUUID() + "\"").collect(Collectors.joining(","));
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("no members", "{\"members\": []}");
        bad.put("51 members", "{\"members\": [" + me + "," + fifty + "]}");
        bad.put("members not a list", "{\"members\": " + me + "}");
        bad.put("unknown member", "{\"members\": [" + me + ", \"" + UUID.randomUUID() + "\"]}");
        bad.put("weights not numbers", "{\"members\": [" + me + "], \"weights\": {" + me + ": \"heavy\"}}");
        bad.put("negative weight", "{\"members\": [" + me + "], \"weights\": {" + me + ": -1}}");
        bad.put("weights not an object", "{\"members\": [" + me + "], \"weights\": [1, 2]}");
        bad.put("weight of a stranger", "{\"members\": [" + me + "], \"weights\": {\"someone-else\": 1}}");
        bad.put("all weights zero", "{\"members\": [" + me + "], \"weights\": {" + me + ": 0}}");
        bad.put("unknown strategy", "{\"members\": [" + me + "], \"strategy\": \"dictator\"}");
        bad.put("limit 0", "{\"members\": [" + me + "], \"limit\": 0}");
        bad.put("bad bound", "{\"members\": [" + me + "], \"min_energy\": 2}");
        bad.put("not JSON", "{\"members\": [");
        for (Map.Entry<String, String> request : bad.entrySet()) {
            HttpAnswer answer = group(jazzFan, request.getValue());
            assertEquals(400, answer.status(), request.getKey() + ": " + answer);
            assertTrue(answer.json().get("error").get("code").asText().startsWith("invalid_"), request.getKey() + ": " + answer);
        }
        HttpAnswer outsider = group(newcomer, "{\"members\": [" + me + "]}");
        assertEquals(403, outsider.status(), outsider.toString());
    }
}
