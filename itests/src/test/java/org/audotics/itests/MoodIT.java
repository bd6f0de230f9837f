package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/recommendations/mood} over the built server. The catalog here: loud, happy "moodit dance"
 * tracks, loud and wordy "moodit rap" tracks (plus one "moodit dance" track by the rap artist), and quiet,
 * acoustic "moodit folk" tracks of 1980..1995 by "Zyxwq Folk Ensemble". All have tempi above 200, away from
 * RecommendationIT's clusters in the shared database; the assertions hold whatever else the database has
 * (bounds, excluded genres and years are checked on every answered track).
 */
@ExtendWith(SharedServer.class)
class MoodIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AudoticsServer server;
    private static final Map<String, String> GENRE = new HashMap<>();
    private static String folkArtist;

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder lines = new StringBuilder();
        List<String> genres = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            lines.append(line("mood-it-dance-" + i, "moodit-dancer-" + i % 4, "Moodit Dancer " + i % 4, "moodit dance", 2015,
                    0.80 + i / 100.0, 0.75 + i / 100.0, 0.85, 0.05, 0.03, 205 + i, -4.0)).append('\n');
            genres.add("moodit dance");
            lines.append(line("mood-it-rap-" + i, "moodit-rapper", "Moodit Rapper", "moodit rap", 2015,
                    0.85, 0.6, 0.8, 0.05, 0.45, 221 + i, -4.5)).append('\n');
            genres.add("moodit rap");
            lines.append(line("mood-it-folk-" + i, "moodit-folk", "Zyxwq Folk Ensemble", "moodit folk", 1980 + i,
                    0.15 + i / 100.0, 0.3, 0.4, 0.9, 0.04, 241 + i, -14.0)).append('\n');
            genres.add("moodit folk");
        }
        // dance by the rap artist: "no moodit rap" must leave it out (its artist's genres include moodit rap)
        lines.append(line("mood-it-crossover", "moodit-rapper", "Moodit Rapper", "moodit dance", 2015,
                0.9, 0.9, 0.9, 0.05, 0.03, 260, -4.0)).append('\n');
        genres.add("moodit dance");
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        JsonNode tracks = imported.json().get("tracks");
        for (int i = 0; i < tracks.size(); i++) {
            GENRE.put(tracks.get(i).get("id").asText(), genres.get(i));
        }
        awaitIndexed();
        folkArtist = server.get("/v1/search?q=" + "zyxwq%20folk%20ensemble&type=artist").json()
                .get("artists").get("items").get(0).get("id").asText();
    }

    private static String line(String externalId, String artistId, String artist, String genre, int year, double energy,
            double valence, double danceability, double acousticness, double speechiness, double tempo, double loudness) {
        return String.format(Locale.ROOT,
                "{\"external_id\":\"%s\",\"name\":\"%s\",\"artists\":[{\"external_id\":\"%s\",\"name\":\"%s\"}],"
                        + "\"album\":{\"external_id\":\"%s-album\",\"name\":\"%s album\",\"release_date\":\"%d-05-01\"},"
                        + "\"genres\":[\"%s\"],\"popularity\":40,\"duration_ms\":200000,"
                        + "\"audio_features\":{\"acousticness\":%.3f,\"danceability\":%.3f,\"energy\":%.3f,\"instrumentalness\":0.0,\"key\":5,"
                        + "\"liveness\":0.1,\"loudness\":%.1f,\"mode\":1,\"speechiness\":%.3f,\"tempo\":%.1f,\"time_signature\":4,\"valence\":%.3f}}",
                externalId, externalId, artistId, artist, externalId, externalId, year, genre, acousticness, danceability, energy,
                loudness, speechiness, tempo, valence);
    }

    /** The engine and the search index follow an import within seconds. */
    private static void awaitIndexed() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = mood("{\"query\": \"moodit folk\", \"limit\": 1}");
            HttpAnswer search = server.get("/v1/search?q=zyxwq&type=artist");
            if (answer.status() == 200 && answer.json().get("tracks").size() == 1
                    && "moodit folk".equals(GENRE.get(answer.json().get("tracks").get(0).get("id").asText()))
                    && search.status() == 200 && search.json().get("artists").get("total").asInt() > 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the engine or the search index did not follow the import within 20 s");
    }

    private static HttpAnswer mood(String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/recommendations/mood"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpAnswer ask(String query, int limit) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("query", query).put("limit", limit);
        HttpAnswer answer = mood(JSON.writeValueAsString(body));
        assertEquals(200, answer.status(), query + " -> " + answer);
        assertTrue(answer.json().has("interpretation") && answer.json().get("tracks").isArray(), answer.toString());
        assertHonoured(answer);
        return answer;
    }

    /** Every answered track is within every bound of the interpretation, has no excluded genre and is in its years. */
    private static void assertHonoured(HttpAnswer answer) throws Exception {
        JsonNode interpretation = answer.json().get("interpretation");
        JsonNode tracks = answer.json().get("tracks");
        if (tracks.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        tracks.forEach(track -> ids.add(track.get("id").asText()));
        JsonNode features = server.get("/v1/audio-features?ids=" + String.join(",", ids)).json().get("audio_features");
        List<String> excluded = new ArrayList<>();
        interpretation.get("excluded_genres").forEach(genre -> excluded.add(genre.get("genre").asText()));
        for (int t = 0; t < tracks.size(); t++) {
            JsonNode track = tracks.get(t);
            for (Map.Entry<String, JsonNode> bound : interpretation.get("bounds").properties()) {
                String attribute = bound.getKey().substring(4);
                JsonNode value = features.get(t).has(attribute) ? features.get(t).get(attribute) : track.get(attribute);
                double limit = bound.getValue().get("value").asDouble();
                assertTrue(bound.getKey().startsWith("min_") ? value.asDouble() >= limit : value.asDouble() <= limit,
                        track.get("id").asText() + " " + attribute + " " + value + " breaks " + bound.getKey() + " " + limit);
            }
            track.get("genres").forEach(genre -> assertFalse(excluded.contains(genre.asText()),
                    track.get("id").asText() + " has the excluded genre " + genre));
            JsonNode years = interpretation.get("release_years");
            if (years != null && !years.isNull()) {
                int year = Integer.parseInt(track.get("album").get("release_date").asText().substring(0, 4));
                assertTrue((years.get("min").isNull() || year >= years.get("min").asInt())
                        && (years.get("max").isNull() || year <= years.get("max").asInt()), track + " outside " + years);
            }
        }
    }

    private static List<String> ids(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    @Test
    void upbeatWorkoutWithoutRapSeedsTheGenreAndNeverAnswersRap() throws Exception {
        HttpAnswer answer = ask("upbeat Moodit Dance songs for a workout, no moodit rap", 20);
        JsonNode interpretation = answer.json().get("interpretation");
        assertEquals("moodit dance", interpretation.get("genres").get(0).get("genre").asText());
        assertEquals("no moodit rap", interpretation.get("excluded_genres").get(0).get("from").asText());
        assertTrue(interpretation.get("targets").has("target_energy"), interpretation.toString());
        assertEquals("genres", interpretation.get("seeds").get("chosen_by").asText());
        assertEquals("[\"moodit dance\"]", interpretation.get("seeds").get("seed_genres").toString());
        List<String> ids = ids(answer);
        assertFalse(ids.isEmpty());
        assertTrue(ids.stream().noneMatch(id -> "moodit rap".equals(GENRE.get(id))), ids.toString());
        answer.json().get("tracks").forEach(track -> assertFalse(track.get("artists").get(0).get("name").asText().equals("Moodit Rapper"),
                "a track by an artist with the excluded genre: " + track.get("id")));
        assertTrue(ids.stream().anyMatch(id -> "moodit dance".equals(GENRE.get(id))), ids.toString());
        assertEquals(server.get("/v1/recommender").json().get("name").asText(), answer.header("Audotics-Engine"));
    }

    @Test
    void anEraKeepsToItsReleaseYears() throws Exception {
        HttpAnswer answer = ask("calm moodit folk from the 80s", 30);
        JsonNode years = answer.json().get("interpretation").get("release_years");
        assertEquals(1980, years.get("min").asInt());
        assertEquals(1989, years.get("max").asInt());
        assertFalse(ids(answer).isEmpty());
        assertTrue(ids(answer).stream().allMatch(id -> "moodit folk".equals(GENRE.getOrDefault(id, "moodit folk"))));
    }

    @Test
    void withoutGenresTheCatalogGivesSeedsThatFit() throws Exception {
        HttpAnswer answer = ask("very calm and extremely acoustic, not too loud", 10);
        JsonNode interpretation = answer.json().get("interpretation");
        assertEquals("catalog", interpretation.get("seeds").get("chosen_by").asText());
        assertTrue(interpretation.get("bounds").has("max_loudness"), interpretation.toString());
        assertFalse(ids(answer).isEmpty());
    }

    @Test
    void wordsNotUnderstoodAreSearchedInTheCatalog() throws Exception {
        HttpAnswer answer = ask("something calm like zyxwq", 10);
        JsonNode interpretation = answer.json().get("interpretation");
        assertEquals("[\"zyxwq\"]", interpretation.get("not_understood").toString());
        assertEquals("used", interpretation.get("search").get("outcome").asText());
        assertTrue(interpretation.get("seeds").get("seed_artists").toString().contains(folkArtist), interpretation.toString());
    }

    @Test
    void oddTextAlwaysAnswersAResultOrOurError() throws Exception {
        for (String odd : List.of("'; DROP TABLE catalog_track; --", "\" OR 1=1 --", "😀🔥💪 🎉", "日本語の歌 ÄÖÜ ß",
                "%00 %zz \\u0000 <script>alert(1)</script>", "....", "no not never without", "9999 bpm 1e400 bpm",
                "between and bpm 80s-90s", "r&&b && ||", "🏳️‍🌈 𝄞", "a".repeat(500), "happy ".repeat(83))) {
            ask(odd, 5);
        }
    }

    @Test
    void badRequestsGetOurErrors() throws Exception {
        assertError(mood("{\"query\": \"\"}"), "invalid_body", "field 'query' must not be empty");
        assertError(mood("{\"query\": \"   \\t \"}"), "invalid_body", "field 'query' must not be empty");
        assertError(mood("{\"limit\": 5}"), "invalid_body", null);
        assertError(mood("{\"query\": \"" + "a".repeat(501) + "\"}"), "invalid_body", "field 'query' must be at most 500 characters");
        assertError(mood("{\"query\": \"" + "x".repeat(10_000) + "\"}"), "invalid_body", "field 'query' must be at most 500 characters");
        assertError(mood("{\"query\": \"happy\\u0000\"}"), "invalid_body", null);
        assertError(mood("{\"query\": \"happy\\u0007\"}"), "invalid_body", null);
        assertError(mood("{\"query\": \"happy\", \"limit\": 0}"), "invalid_body", "field 'limit' must be a whole number between 1 and 100");
        assertError(mood("{\"query\": \"happy\", \"limit\": 101}"), "invalid_body", "field 'limit' must be a whole number between 1 and 100");
        assertError(mood("{\"query\": \"happy\", \"limit\": \"5\"}"), "invalid_body", null);
        assertError(mood("{\"query\": 7}"), "invalid_body", null);
        assertError(mood("{\"query\": \"happy\""), "invalid_body", null);
        assertError(mood(""), "invalid_body", null);
        HttpAnswer anonymous = server.send(HttpRequest.newBuilder(server.uri("/v1/recommendations/mood"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"happy\"}")));
        assertEquals(401, anonymous.status(), anonymous.toString());
        HttpAnswer get = server.get("/v1/recommendations/mood");
        assertEquals(405, get.status(), get.toString());
    }

    private static void assertError(HttpAnswer answer, String code, String message) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
        assertEquals(400, answer.json().get("error").get("status").asInt());
        if (message != null) {
            assertEquals(message, answer.errorMessage());
        }
    }
}
