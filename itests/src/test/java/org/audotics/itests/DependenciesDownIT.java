package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With its database and Redis unreachable the server still starts, says why it is not ready, and answers 503. */
class DependenciesDownIT {

    @Test
    void reportsDependenciesDownAndAnswers503() throws Exception {
        try (AudoticsServer server = AudoticsServer.start("down", Map.of(
                "org.audotics.storage", "url = jdbc:postgresql://127.0.0.1:1/nothing\nuser = nobody\npassword = nothing\nconnection.timeout.ms = 500\n",
                "org.audotics.cache", "redis.uri = redis://127.0.0.1:1/0\n"), false)) {
            server.awaitStatus("/v1/recommender", 200, Duration.ofSeconds(60)); // the whole server is up
            // each bundle adds its error mappers to the REST application as it starts; on a loaded machine the
            // storage bundle's may come a moment after the recommender answers (a request in that moment is a
            // 500: noted in docs/operations.md), so wait for the steady state
            server.awaitStatus("/v1/tracks/sometrack", 503, Duration.ofSeconds(60));
            HttpAnswer ready = server.get("/health/ready");
            assertEquals(503, ready.status());
            assertEquals("5", ready.header("Retry-After"));
            assertEquals("DOWN", ready.json().get("checks").get("database").get("status").asText());
            assertEquals("DOWN", ready.json().get("checks").get("cache").get("status").asText());
            assertEquals("DOWN", ready.json().get("checks").get("catalog").get("status").asText());

            HttpAnswer track = server.get("/v1/tracks/sometrack");
            assertEquals(503, track.status(), track.toString());
            assertEquals("service_unavailable", track.errorCode());
            assertEquals("5", track.header("Retry-After"));
            HttpAnswer imported = server.importLines(TrackLines.track("down-1", "Nope", "Nobody", "none", 1, 0.1, 100));
            assertEquals(503, imported.status(), imported.toString());

            // warnings and errors also go to their own, longer-kept log (docs/operations.md)
            String errors = java.nio.file.Files.readString(server.home.resolve("data/log/errors.log"));
            assertTrue(errors.contains("Database unavailable"), errors);
            assertFalse(errors.contains("| INFO "), "errors.log holds WARN and above only");
        }
    }
}
