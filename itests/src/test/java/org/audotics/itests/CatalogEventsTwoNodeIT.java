package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers from the built distribution on one PostgreSQL database and one Redis namespace: an import and a
 * change of features on node 1 reach node 2's recommendations through the catalog's change events carried by
 * the cache's pub/sub, patched into node 2's feature index without a rebuild from scratch (its readiness check
 * says at which revision its index was built).
 */
class CatalogEventsTwoNodeIT {

    /** Events cross in milliseconds; a rebuild after a lost event would take the gap grace (3 s) and a poll more. */
    private static final long DEADLINE_NANOS = 30_000_000_000L;
    private static final Pattern BUILT_AT = Pattern.compile("index of (\\d+) tracks built at catalog revision (\\d+), events up to (\\d+)");

    private static TwoNodes nodes;
    private static TestDatabase database;
    private static AudoticsServer one;
    private static AudoticsServer two;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("events");
        database = nodes.database;
        one = nodes.one;
        two = nodes.two;
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** @return tracks in the index, revision it was built at, revision its events reached: from node's readiness check */
    private static long[] index(AudoticsServer node) throws Exception {
        HttpAnswer ready = node.get("/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        String detail = ready.json().get("checks").get("recommendation").get("detail").asText();
        Matcher matcher = BUILT_AT.matcher(detail);
        assertTrue(matcher.find(), detail);
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))};
    }

    @Test
    void anImportAndAFeatureChangeOnOneNodeArePatchedIntoTheOtherNodesIndex() throws Exception {
        long builtAt = index(two)[1];
        long coveredBefore = index(two)[2];

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append(TrackLines.track("events-it-" + i, "events " + i, "events-it-artist", "iteventsgenre", 40, 0.10 + i * 0.02, 100 + i))
                    .append('\n');
        }
        HttpAnswer imported = one.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));

        awaitIndexOnTwo("import", coveredBefore + 1, 20);
        awaitOnTwo("import", "/v1/recommendations?seed_genres=iteventsgenre&limit=100", answer -> ids(answer).containsAll(ids));
        long[] afterImport = index(two);
        assertEquals(builtAt, afterImport[1], "node 2 patched its index, it did not rebuild it");

        // the quietest track becomes the loudest on node 1
        HttpAnswer changed = one.importLines(TrackLines.track("events-it-0", "events 0", "events-it-artist", "iteventsgenre", 40, 0.99, 100));
        assertEquals(200, changed.status(), changed.toString());
        awaitIndexOnTwo("feature change", afterImport[2] + 1, 20);
        awaitOnTwo("feature change", "/v1/recommendations?seed_genres=iteventsgenre&target_energy=0.99&limit=1",
                answer -> ids(answer).equals(List.of(ids.get(0))));
        HttpAnswer features = two.get("/v1/audio-features/" + ids.get(0));
        assertEquals(200, features.status(), features.toString());
        assertEquals(0.99, features.json().get("energy").asDouble(), 1e-9);

        long[] afterChange = index(two);
        assertEquals(builtAt, afterChange[1], "still no rebuild on node 2");
        assertTrue(afterChange[2] >= afterImport[2] + 1, "node 2 saw the change's revision: " + afterChange[2]);
        assertEquals(index(one)[0], afterChange[0], "both nodes index the same tracks");
    }

    /**
     * Polls node 2's readiness detail until its index covers the revision (the events arrived; the patch follows
     * within the 100 ms coalescing) and holds the tracks; prints how long that took after node 1 answered.
     */
    private static void awaitIndexOnTwo(String what, long revision, long tracks) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < DEADLINE_NANOS) {
            long[] index = index(two);
            if (index[2] >= revision && index[0] >= tracks) {
                System.out.printf("CatalogEventsTwoNodeIT: %s on node 1 covered by node 2's index (revision %d) after %d ms%n", what,
                        index[2], (System.nanoTime() - started) / 1_000_000);
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(what + " on node 1 not covered by node 2's index within 30 s: " + java.util.Arrays.toString(index(two)));
    }

    /** Asks node 2 until the answer passes; prints how long the change took to arrive. */
    private static void awaitOnTwo(String what, String path, Predicate<HttpAnswer> done) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < DEADLINE_NANOS) {
            HttpAnswer answer = two.get(path);
            assertEquals(200, answer.status(), answer.toString());
            if (done.test(answer)) {
                System.out.printf("CatalogEventsTwoNodeIT: %s on node 1 seen in node 2's recommendations after %d ms%n", what,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " on node 1 not in node 2's recommendations within 30 s: " + path);
    }

    private static List<String> ids(HttpAnswer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }
}
