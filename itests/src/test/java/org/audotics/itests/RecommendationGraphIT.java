package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * feature-knn's HNSW candidate stage inside Karaf: with {@code knn.ann.min_tracks = 0} the base the indexer compacts
 * after an import gets its Lucene graph (Lucene embedded in the recommendation bundle, its codecs found through the
 * bundle's own SPI files), and {@code GET /v1/recommendations} answers from it, bounds honoured, the seed left out.
 * The graph is kept under {@code data/feature-graph}, and a restart, which reads the same catalog again, loads it
 * instead of building it and answers the same. Its own server (embedded defaults): the shared one keeps the default
 * threshold, under which every answer is a scan.
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

            String detail = awaitGraph(server);
            assertTrue(detail.contains("candidates from an HNSW graph of " + TRACKS + " tracks, built in"), detail);

            String seed = ids.get(700);
            String query = "/v1/recommendations?limit=20&min_energy=0.5&seed_tracks=" + seed;
            HttpAnswer answer = server.get(query);
            assertEquals(200, answer.status(), answer.toString());
            JsonNode tracks = answer.json().get("tracks");
            assertEquals(20, tracks.size(), answer.toString());
            for (JsonNode track : tracks) {
                assertFalse(seed.equals(track.get("id").asText()), "the seed itself: " + answer);
                HttpAnswer features = server.get("/v1/audio-features/" + track.get("id").asText());
                assertTrue(features.json().get("energy").asDouble() >= 0.5, features.toString());
            }

            Path graphs = server.deployFolder().resolveSibling("data").resolve("feature-graph");
            for (int tries = 0; tries < 600 && keptGraphs(graphs).isEmpty(); tries++) {
                Thread.sleep(100); // kept once it serves, on the graph thread
            }
            assertEquals(1, keptGraphs(graphs).size(), "one graph kept in " + graphs);
            server.crash();
            server.restart();
            String restarted = awaitGraph(server);
            assertTrue(restarted.contains("candidates from an HNSW graph of " + TRACKS + " tracks, loaded in"), restarted);
            HttpAnswer again = server.get(query);
            assertEquals(200, again.status(), again.toString());
            // the ids in order: the tracks' other fields are the catalog's (an album's total_tracks grows as imports settle)
            assertEquals(idsOf(tracks), idsOf(again.json().get("tracks")), "the loaded graph answers as the built one did");
        }
    }

    private static List<String> idsOf(JsonNode tracks) {
        List<String> ids = new ArrayList<>();
        tracks.forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    private static String awaitGraph(AudoticsServer server) throws Exception {
        String detail = "";
        for (int tries = 0; tries < 1200 && !detail.contains("candidates from an HNSW graph"); tries++) {
            Thread.sleep(100);
            detail = server.get("/health/ready").json().get("checks").get("recommendation").get("detail").asText();
        }
        return detail;
    }

    /** The complete graphs kept: a directory named by a fingerprint with its manifest (written last, then renamed). */
    private static List<Path> keptGraphs(Path graphs) throws Exception {
        if (!Files.isDirectory(graphs)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(graphs)) {
            return entries.filter(dir -> dir.getFileName().toString().matches("[0-9a-f]{32}"))
                    .filter(dir -> Files.exists(dir.resolve("graph.properties"))).toList();
        }
    }
}
