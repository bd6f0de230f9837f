package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A newcomer's first start: nothing configured, embedded database and in-process cache, useful answers. */
class EmbeddedDefaultsIT {

    @Test
    void startsImportsAndReadsBackWithNothingConfigured() throws Exception {
        try (AudoticsServer server = AudoticsServer.start("embedded", Map.of(), true)) {
            HttpAnswer ready = server.get("/health/ready");
            assertTrue(ready.json().get("checks").get("database").get("detail").asText().contains("(embedded)"), ready.toString());
            assertTrue(ready.json().get("checks").get("cache").get("detail").asText().startsWith("in-process"), ready.toString());
            assertTrue(server.home.resolve("data/audotics/audotics.mv.db").toFile().isFile(), "embedded database file under data/");

            HttpAnswer imported = server.importLines(TrackLines.track("embedded-1", "First", "Someone", "folk", 30, 0.4, 100) + "\n"
                    + TrackLines.track("embedded-2", "Second", "Someone", "folk", 60, 0.5, 110));
            assertEquals(200, imported.status(), imported.toString());
            String id = imported.json().get("tracks").get(0).get("id").asText();
            assertEquals("First", server.get("/v1/tracks/" + id).json().get("name").asText());

            // the index catches up with the import off the request path, within about a second
            HttpAnswer recommended = server.get("/v1/recommendations?seed_tracks=" + id);
            for (int tries = 0; tries < 300 && recommended.status() == 200 && recommended.json().get("tracks").isEmpty(); tries++) {
                Thread.sleep(100);
                recommended = server.get("/v1/recommendations?seed_tracks=" + id);
            }
            assertEquals(200, recommended.status(), recommended.toString());
            assertEquals("Second", recommended.json().get("tracks").get(0).get("name").asText());

            // search: the embedded index under data/ follows the import too ("secnd" is a typo and a prefix)
            HttpAnswer found = server.get("/v1/search?type=track&q=secnd");
            for (int tries = 0; tries < 300 && (found.status() != 200 || found.json().get("tracks").get("total").asInt() == 0); tries++) {
                Thread.sleep(100);
                found = server.get("/v1/search?type=track&q=secnd");
            }
            assertEquals(200, found.status(), found.toString());
            assertEquals("Second", found.json().get("tracks").get("items").get(0).get("name").asText(), found.toString());
            assertTrue(server.home.resolve("data/audotics/search").toFile().isDirectory(), "search index under data/");

            // the streamed import on H2: three batches (2 000 lines each by default) with a bad line, then the
            // same body again, whose every line the batch lookups (keys as one array parameter) find
            String body = streamedBody(4_500, 3_333);
            JsonNode first = streamedImport(server, body);
            assertEquals(4_499, first.get("created").asLong(), first.toString());
            assertEquals(1, first.get("rejected").asLong(), first.toString());
            assertEquals(3_333, first.get("rejections").get(0).get("line").asLong(), first.toString());
            assertEquals("popularity", first.get("rejections").get(0).get("field").asText(), first.toString());
            JsonNode again = streamedImport(server, body);
            assertEquals(0, again.get("created").asLong(), again.toString());
            assertEquals(4_499, again.get("updated").asLong(), again.toString());
        }
    }

    /** {@code lines} tracks sharing 97 artists (and their 97 albums); line {@code bad} has a popularity out of range. */
    private static String streamedBody(int lines, int bad) {
        StringBuilder body = new StringBuilder();
        for (int n = 1; n <= lines; n++) {
            body.append(TrackLines.track("embedded-bulk-" + n, "Bulk " + n, "bulk-artist-" + n % 97, "genre-" + n % 5,
                    n == bad ? 1000 : n % 100, 0.5, 100 + n % 50)).append('\n');
        }
        return body.toString();
    }

    private static JsonNode streamedImport(AudoticsServer server, String body) throws Exception {
        HttpAnswer accepted = server.send(HttpRequest.newBuilder(server.uri("/v1/catalog/imports"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, accepted.status(), accepted.toString());
        String id = accepted.json().get("id").asText();
        HttpAnswer job = server.get("/v1/catalog/imports/" + id);
        for (int tries = 0; tries < 1200 && !job.json().get("state").asText().matches("done|failed"); tries++) {
            Thread.sleep(100);
            job = server.get("/v1/catalog/imports/" + id);
        }
        assertEquals("done", job.json().get("state").asText(), job.toString());
        return job.json();
    }
}
