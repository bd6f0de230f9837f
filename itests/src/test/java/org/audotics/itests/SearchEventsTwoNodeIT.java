package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers from the built distribution on one PostgreSQL database and one Redis namespace: tracks imported on
 * node 1 are found by node 2's {@code GET /v1/search} within seconds, by the catalog's change events carried
 * over the cache's pub/sub and patched into node 2's search index — not by a rebuild (node 2's readiness detail
 * says the revision its index was built at, which must not move).
 */
class SearchEventsTwoNodeIT {

    /**
     * Events cross in milliseconds and a patch follows after 200 ms (5.6 s seen on a machine at load 15); a rebuild
     * after a lost event (3 s grace) would also come within this, which is why the build revision is checked too.
     */
    private static final long DEADLINE_NANOS = 15_000_000_000L;
    private static final Pattern BUILT_AT = Pattern.compile("search index built at catalog revision (\\d+), events up to (\\d+)");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static TwoNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("search-events");
        for (AudoticsServer node : new AudoticsServer[] {nodes.one, nodes.two}) {
            long started = System.nanoTime();
            while (searchIndex(node) == null) { // readiness is up while the first (empty) index is built
                assertTrue(System.nanoTime() - started < 60_000_000_000L, "no first search index within 60 s");
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** @return the revision node's search index was built at and the one its events reached, or null before the first build */
    private static long[] searchIndex(AudoticsServer node) throws Exception {
        HttpAnswer ready = node.get("/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        String detail = ready.json().get("checks").get("search").get("detail").asText();
        Matcher matcher = BUILT_AT.matcher(detail);
        return matcher.find() ? new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))} : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode paging) {
        List<String> ids = new ArrayList<>();
        paging.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void anImportOnOneNodeIsFoundByTheOtherNodesSearchWithoutARebuild() throws Exception {
        long builtAt = searchIndex(nodes.two)[0];
        String artist = "Zephyrine " + RUN;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append(TrackLines.track("search-events-" + RUN + "-" + i, "Quillwort " + RUN + " " + i, artist, "searchevents", i, 0.5, 120))
                    .append('\n');
        }
        HttpAnswer imported = nodes.one.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        List<String> trackIds = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> trackIds.add(track.get("id").asText()));
        String artistId = nodes.one.get("/v1/tracks/" + trackIds.get(0)).json().get("artists").get(0).get("id").asText();

        awaitOnTwo("the tracks", "q=" + encode("quillwort " + RUN) + "&type=track&limit=50",
                answer -> ids(answer.get("tracks")).containsAll(trackIds));
        awaitOnTwo("the artist (ARTIST_CREATED)", "q=" + encode("zephyrin") + "&type=artist",
                answer -> ids(answer.get("artists")).contains(artistId));
        awaitOnTwo("the album (ALBUM_CREATED)", "q=" + encode(artist + " album") + "&type=album",
                answer -> answer.get("albums").get("total").asInt() == 1);
        assertEquals(builtAt, searchIndex(nodes.two)[0], "node 2 patched its search index, it did not rebuild it");

        // re-imported under a new name on node 1: node 2 finds the new name, no longer the old (TRACK_UPDATED)
        HttpAnswer renamed = nodes.one.importLines(TrackLines.track("search-events-" + RUN + "-0", "Marigold " + RUN, artist,
                "searchevents", 0, 0.5, 120));
        assertEquals(200, renamed.status(), renamed.toString());
        awaitOnTwo("the renamed track", "q=" + encode("marigold " + RUN) + "&type=track",
                answer -> ids(answer.get("tracks")).equals(List.of(trackIds.get(0))));
        assertTrue(!ids(search(nodes.two, "q=" + encode("quillwort " + RUN) + "&type=track&limit=50").get("tracks")).contains(trackIds.get(0)),
                "the old name is gone on node 2");
        long[] after = searchIndex(nodes.two);
        assertEquals(builtAt, after[0], "still no rebuild on node 2");
        assertEquals(searchIndex(nodes.one)[1], after[1], "both nodes' events reached the same revision");
    }

    private static JsonNode search(AudoticsServer node, String query) throws Exception {
        HttpAnswer answer = node.get("/v1/search?" + query);
        assertEquals(200, answer.status(), query + " → " + answer);
        return answer.json();
    }

    /** Searches on node 2 until the answer passes (polled, bounded); prints how long the change took to arrive. */
    private static void awaitOnTwo(String what, String query, Predicate<JsonNode> done) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < DEADLINE_NANOS) {
            if (done.test(search(nodes.two, query))) {
                System.out.printf("SearchEventsTwoNodeIT: %s imported on node 1 found by node 2's search after %d ms%n", what,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " imported on node 1 not found by node 2's search within 15 s: " + query + " → "
                + search(nodes.two, query) + "; node 2: " + nodes.two.get("/health/ready"));
    }
}
