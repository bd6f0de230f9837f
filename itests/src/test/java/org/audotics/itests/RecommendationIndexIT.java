package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The feature index is kept current off the request path: after an import the recommendations catch up by
 * themselves while every request is answered from the index there is, and readiness reports the index.
 */
@ExtendWith(SharedServer.class)
class RecommendationIndexIT {

    private static final long DEADLINE_NANOS = 60_000_000_000L;
    private static AudoticsServer server;

    @BeforeAll
    static void server(SharedServer.Running shared) {
        server = shared.server();
    }

    @Test
    void readinessReportsTheRecommendationIndex() throws Exception {
        HttpAnswer ready = server.get("/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        JsonNode check = ready.json().get("checks").get("recommendation");
        assertEquals("UP", check.get("status").asText(), ready.toString());
        assertTrue(check.get("detail").asText().startsWith("index of "), ready.toString());
    }

    @Test
    void importedAndChangedTracksBecomeRecommendableWhileEveryRequestIsAnswered() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append(TrackLines.track("index-it-" + i, "index " + i, "index-it-artist", "itindex", 40, 0.10 + i * 0.02, 100 + i))
                    .append('\n');
        }
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));

        awaitRecommended("/v1/recommendations?seed_genres=itindex&limit=100", answer -> ids(answer).containsAll(ids));

        // the quietest track becomes the loudest: a changed track moves in the index
        HttpAnswer changed = server.importLines(TrackLines.track("index-it-0", "index 0", "index-it-artist", "itindex", 40, 0.99, 100));
        assertEquals(200, changed.status(), changed.toString());
        awaitRecommended("/v1/recommendations?seed_genres=itindex&target_energy=0.99&limit=1",
                answer -> ids(answer).equals(List.of(ids.get(0))));
    }

    /** Asks until the answer passes; every answer on the way must be a 200 (the index in use is never absent). */
    private static void awaitRecommended(String path, Predicate<HttpAnswer> done) throws Exception {
        long started = System.nanoTime();
        long slowest = 0;
        int asked = 0;
        while (System.nanoTime() - started < DEADLINE_NANOS) {
            long sent = System.nanoTime();
            HttpAnswer answer = server.get(path);
            slowest = Math.max(slowest, System.nanoTime() - sent);
            asked++;
            assertEquals(200, answer.status(), "while the index catches up: " + answer);
            if (done.test(answer)) {
                System.out.printf("RecommendationIndexIT: %s current after %d ms, %d requests, slowest %d ms%n", path,
                        (System.nanoTime() - started) / 1_000_000, asked, slowest / 1_000_000);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not reflect the import within 60 s");
    }

    private static List<String> ids(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }
}
