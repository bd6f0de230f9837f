package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * feature-knn's HNSW candidate stage inside Karaf: with {@code knn.ann.min_tracks = 0} the base the indexer compacts
 * after an import gets its Lucene graph (Lucene embedded in the recommendation bundle, its codecs found through the
 * bundle's own SPI files), and {@code GET /v1/recommendations} answers from it, bounds honoured, the seed left out.
 * Its own server (embedded defaults): the shared one keeps the default threshold, under which every answer is a scan.
 */
class RecommendationGraphIT {

    /** More than the delta's compaction bound (1 024), so the imported tracks become a new base, which gets a graph. */
    private static final int TRACKS = 1_500;

    @Test
    void recommendationsComeFromTheGraphOnceItIsBuilt() throws Exception {
        try (AudoticsServer server = AudoticsServer.start("graph",
                Map.of("org.audotics.recommendation", "knn.ann.min_tracks = 0\n"), true)) {
            List<String> ids = new ArrayList<>();
            for (int from = 0; from < TRACKS; from += 500) {
                StringBuilder lines = new StringBuilder();
                for (int i = from; i < from + 500; i++) {
                    lines.append(TrackLines.track("graph-it-" + i, "graph " + i, "graph-it-artist-" + i % 50, "itgraph",
                            i % 100, (i % 1000) / 1000.0, 60 + i % 140)).append('\n');
                }
                HttpAnswer imported = server.importLines(lines.toString());
                assertEquals(200, imported.status(), imported.toString());
                imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
            }

            String detail = "";
            for (int tries = 0; tries < 1200 && !detail.contains("candidates from an HNSW graph"); tries++) {
                Thread.sleep(100);
                detail = server.get("/health/ready").json().get("checks").get("recommendation").get("detail").asText();
            }
            assertTrue(detail.contains("candidates from an HNSW graph of " + TRACKS + " tracks"), detail);

            String seed = ids.get(700);
            HttpAnswer answer = server.get("/v1/recommendations?limit=20&min_energy=0.5&seed_tracks=" + seed);
            assertEquals(200, answer.status(), answer.toString());
            JsonNode tracks = answer.json().get("tracks");
            assertEquals(20, tracks.size(), answer.toString());
            for (JsonNode track : tracks) {
                assertFalse(seed.equals(track.get("id").asText()), "the seed itself: " + answer);
                HttpAnswer features = server.get("/v1/audio-features/" + track.get("id").asText());
                assertTrue(features.json().get("energy").asDouble() >= 0.5, features.toString());
            }
        }
    }
}
