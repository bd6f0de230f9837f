package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalog import and reads through the real distribution, PostgreSQL and Redis. */
@ExtendWith(SharedServer.class)
class CatalogIT {

    private static SharedServer.Running running;
    private static AudoticsServer server;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void server(SharedServer.Running shared) {
        running = shared;
        server = shared.server();
    }

    private String ext(String name) {
        return "catalog-it-" + run + "-" + name;
    }

    @Test
    void importedTracksAreStoredInPostgresAndReadBackInSpotifyShape() throws Exception {
        String lines = TrackLines.track(ext("a"), "Alpha", ext("artist"), "rock", 70, 0.8, 128) + "\n"
                + TrackLines.track(ext("b"), "Beta", ext("artist"), "rock", 40, 0.3, 90) + "\n";
        HttpAnswer imported = server.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(2, imported.json().get("created").asInt());
        String id = imported.json().get("tracks").get(0).get("id").asText();

        assertEquals(2, running.database().count("SELECT count(*) FROM track WHERE external_id LIKE ?", ext("%")));
        assertEquals(1, running.database().count("SELECT count(*) FROM artist WHERE external_id = ?", ext("artist")));

        HttpAnswer track = server.get("/v1/tracks/" + id);
        assertEquals(200, track.status(), track.toString());
        assertEquals(id, track.json().get("id").asText());
        assertEquals("Alpha", track.json().get("name").asText());
        assertEquals("track", track.json().get("type").asText());
        assertEquals(180_070, track.json().get("duration_ms").asInt());
        assertEquals(70, track.json().get("popularity").asInt());
        assertEquals(ext("artist"), track.json().get("artists").get(0).get("name").asText());
        assertEquals("2019-03-01", track.json().get("album").get("release_date").asText());
        assertEquals("day", track.json().get("album").get("release_date_precision").asText());
        assertEquals(2, track.json().get("album").get("total_tracks").asInt(), "both tracks are on the artist's album");
        assertEquals(ext("a"), track.json().get("external_ids").get("import").asText());
        assertEquals(server.uri("/v1/tracks/" + id).toString(), track.json().get("href").asText());
    }

    @Test
    void theLogHoldsNeitherSqlNorCatalogData() throws Exception {
        String secretName = "LoggedName" + run;
        HttpAnswer imported = server.importLines(TrackLines.track(ext("logged"), secretName, ext("artist"), "rock", 10, 0.5, 100));
        String id = imported.json().get("tracks").get(0).get("id").asText();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, server.get("/v1/tracks/" + id).status());
            assertEquals(200, server.get("/v1/tracks?ids=" + id).status());
        }
        String log = java.nio.file.Files.readString(server.home.resolve("data/log/karaf.log"));
        assertFalse(log.contains(secretName), "catalog data (a bound value) in karaf.log");
        assertFalse(log.contains("SELECT "), "SQL statements in karaf.log at INFO");
        assertFalse(log.contains("INSERT INTO"), "SQL statements in karaf.log at INFO");
    }

    @Test
    void readsAreCachedInRedis() throws Exception {
        String id = server.importLines(TrackLines.track(ext("cached"), "Cached", ext("artist"), "pop", 10, 0.5, 100))
                .json().get("tracks").get(0).get("id").asText();
        assertEquals(200, server.get("/v1/tracks/" + id).status());
        RedisClient redis = RedisClient.create(SharedServer.REDIS_URI);
        try (var connection = redis.connect()) {
            String cached = connection.sync().get(running.redisPrefix() + "catalog:track:" + id);
            assertTrue(cached != null && cached.contains("\"Cached\""), String.valueOf(cached));
        } finally {
            redis.shutdown();
        }
    }

    @Test
    void reimportIsIdempotentAndUpdatesWhatChanged() throws Exception {
        String line = TrackLines.track(ext("same"), "Same", ext("artist"), "jazz", 20, 0.5, 100);
        HttpAnswer first = server.importLines(line);
        String id = first.json().get("tracks").get(0).get("id").asText();
        server.get("/v1/tracks/" + id); // now cached
        HttpAnswer second = server.importLines(line.replace("\"Same\"", "\"Same (live)\""));
        assertEquals(0, second.json().get("created").asInt());
        assertEquals(1, second.json().get("updated").asInt());
        assertEquals(id, second.json().get("tracks").get(0).get("id").asText());
        assertEquals(1, running.database().count("SELECT count(*) FROM track WHERE external_id = ?", ext("same")));
        assertEquals("Same (live)", server.get("/v1/tracks/" + id).json().get("name").asText());
    }

    @Test
    void aBadLineRefusesTheWholeBatchNamingLineAndField() throws Exception {
        String good = TrackLines.track(ext("good"), "Good", ext("artist"), "rock", 10, 0.5, 100);
        String bad = TrackLines.track(ext("bad"), "Bad", ext("artist"), "rock", 10, 0.5, 100).replace("\"energy\":0.500", "\"energy\":1.500");
        HttpAnswer answer = server.importLines(good + "\n" + bad + "\n");
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("invalid_body", answer.errorCode());
        assertEquals("line 2: audio_features.energy must be between 0 and 1", answer.errorMessage());
        assertEquals(0, running.database().count("SELECT count(*) FROM track WHERE external_id IN (?, ?)", ext("good"), ext("bad")));
    }

    @Test
    void aRepeatedExternalIdRefusesTheWholeBatch() throws Exception {
        String line = TrackLines.track(ext("twice"), "Twice", ext("artist"), "rock", 10, 0.5, 100);
        HttpAnswer answer = server.importLines(line + "\n\n" + line);
        assertEquals(400, answer.status());
        assertEquals("line 3: external_id '" + ext("twice") + "' already appears at track 1 of the batch", answer.errorMessage());
        assertEquals(0, running.database().count("SELECT count(*) FROM track WHERE external_id = ?", ext("twice")));
    }

    @Test
    void textPostgresCannotStoreIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        // PostgreSQL refuses U+0000 (was a 500); an unpaired surrogate was stored as '?', after which the
        // next one collided with it (409 forever)
        String nul = TrackLines.track(ext("nul"), "Nul\\u0000Name", ext("artist"), "rock", 10, 0.5, 100);
        HttpAnswer refused = server.importLines(nul);
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid_body", refused.errorCode());
        assertEquals("line 1: name contains the control character U+0000", refused.errorMessage());
        for (String surrogate : new String[] {"\\ud800", "\\udbff"}) {
            HttpAnswer lone = server.importLines(TrackLines.track(ext("lone"), "Lone", ext("artist") + surrogate, "rock", 10, 0.5, 100));
            assertEquals(400, lone.status(), lone.toString());
            assertTrue(lone.errorMessage().startsWith("line 1: artists[0].external_id contains an unpaired UTF-16 surrogate"), lone.errorMessage());
        }
        HttpAnswer flag = server.importLines(TrackLines.track(ext("bool"), "Bool", ext("artist"), "rock", 10, 0.5, 100)
                .replace("\"name\":\"Bool\"", "\"name\":true"));
        assertEquals(400, flag.status(), flag.toString());
        assertEquals("line 1: field 'name' has a value of the wrong type or format", flag.errorMessage());
        assertEquals(0, running.database().count("SELECT count(*) FROM track WHERE external_id IN (?, ?, ?)", ext("nul"), ext("lone"), ext("bool")));
        // a well-formed non-BMP character and a tab are text, stored and answered exactly as sent
        HttpAnswer emoji = server.importLines(TrackLines.track(ext("emoji"), "\\ud83c\\udfb5\\tTab", ext("artist"), "rock", 10, 0.5, 100));
        assertEquals(200, emoji.status(), emoji.toString());
        HttpAnswer read = server.get("/v1/tracks/" + emoji.json().get("tracks").get(0).get("id").asText());
        assertEquals("\ud83c\udfb5\tTab", read.json().get("name").asText());
    }

    @Test
    void parametersAndBodiesOfOtherEndpointsFollowTheSameTextRule() throws Exception {
        HttpAnswer ids = server.get("/v1/tracks?ids=abc,%00");
        assertEquals(400, ids.status(), ids.toString());
        assertEquals("parameter 'ids' contains the control character U+0000", ids.errorMessage());
        HttpAnswer genre = server.get("/v1/recommendations?seed_genres=ro%00ck");
        assertEquals(400, genre.status(), genre.toString());
        assertEquals("parameter 'seed_genres' contains the control character U+0000", genre.errorMessage());
        HttpAnswer scan = server.send(HttpRequest.newBuilder(server.uri("/v1/scans"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"folder\": \"/music\\u0000/x\"}")));
        assertEquals(400, scan.status(), scan.toString());
        assertEquals("field 'folder' contains the control character U+0000", scan.errorMessage());
        HttpAnswer notText = server.send(HttpRequest.newBuilder(server.uri("/v1/scans"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"folder\": 17}")));
        assertEquals(400, notText.status(), notText.toString());
        assertEquals("field 'folder' must be a string", notText.errorMessage());
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        HttpAnswer answer = server.importLines("{\"external_id\": \"x\", ");
        assertEquals(400, answer.status());
        assertTrue(answer.errorMessage().startsWith("line 1: is not valid JSON"), answer.errorMessage());
    }

    @Test
    void importNeedsTheAdminToken() throws Exception {
        String line = TrackLines.track(ext("anon"), "Anon", ext("artist"), "rock", 10, 0.5, 100);
        HttpAnswer anonymous = server.send(HttpRequest.newBuilder(server.uri("/v1/catalog/import"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(line)));
        assertEquals(401, anonymous.status());
        assertEquals("unauthorized", anonymous.errorCode());
        HttpAnswer forged = server.send(HttpRequest.newBuilder(server.uri("/v1/catalog/import"))
                .header("Authorization", "Bearer not-the-token").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(line)));
        assertEquals(401, forged.status());
        HttpAnswer wrongType = server.send(HttpRequest.newBuilder(server.uri("/v1/catalog/import"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a,b")));
        assertEquals(415, wrongType.status());
        assertEquals(0, running.database().count("SELECT count(*) FROM track WHERE external_id = ?", ext("anon")));
    }

    @Test
    void severalTracksKeepRequestOrderWithNullForUnknownIds() throws Exception {
        HttpAnswer imported = server.importLines(TrackLines.track(ext("m1"), "M1", ext("artist"), "rock", 1, 0.5, 100) + "\n"
                + TrackLines.track(ext("m2"), "M2", ext("artist"), "rock", 2, 0.5, 100));
        String m1 = imported.json().get("tracks").get(0).get("id").asText();
        String m2 = imported.json().get("tracks").get(1).get("id").asText();
        HttpAnswer answer = server.get("/v1/tracks?ids=" + m2 + ",unknownid," + m1);
        assertEquals(200, answer.status());
        var tracks = answer.json().get("tracks");
        assertEquals(List.of("M2", "null", "M1"), List.of(tracks.get(0).path("name").asText(), tracks.get(1).toString(), tracks.get(2).path("name").asText()));
    }

    @Test
    void badTrackRequestsGetTheDocumentedErrors() throws Exception {
        assertEquals(404, server.get("/v1/tracks/doesnotexist").status());
        assertEquals("not_found", server.get("/v1/tracks/doesnotexist").errorCode());
        assertEquals(400, server.get("/v1/tracks/bad%20id").status());
        assertEquals(400, server.get("/v1/tracks").status());
        assertEquals(400, server.get("/v1/tracks?ids=a,,b").status());
        String fiftyOne = String.join(",", java.util.Collections.nCopies(51, "abc"));
        HttpAnswer tooMany = server.get("/v1/tracks?ids=" + fiftyOne);
        assertEquals(400, tooMany.status());
        assertEquals("ids lists 51 ids; at most 50 are allowed", tooMany.errorMessage());
    }
}
