package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery playlists on two nodes sharing one database: the same listener's playlist asked on both nodes at once,
 * and an admin run started on both nodes at once, leave every listener exactly one "Audotics Discovery" playlist
 * (the claims in the database let one node write a listener at a time), of tracks they have not heard.
 */
class DiscoveryTwoNodeIT {

    private static final String NAME = "Audotics Discovery";
    private static TwoNodes nodes;
    private static final List<String> TRACKS = new ArrayList<>();
    private static final List<Listener> LISTENERS = new ArrayList<>();
    private static final List<Set<String>> HEARD = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("discovery");
        String lines = IntStream.range(0, 30).mapToObj(i -> TrackLines.track("disc2-" + i, "Two " + i, "disc2-artist-" + (i % 6), "disctwo",
                40 + i, 0.3 + i / 100.0, 110 + i)).collect(Collectors.joining("\n"));
        HttpAnswer imported = nodes.one.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        imported.json().get("tracks").forEach(t -> TRACKS.add(t.get("id").asText()));
        for (AudoticsServer node : new AudoticsServer[] {nodes.one, nodes.two}) {
            awaitIndexed(node);
        }
        for (int l = 0; l < 3; l++) {
            Listener listener = Listener.signUp(nodes.one, "two-node-discoverer-" + l);
            Set<String> heard = new HashSet<>();
            List<String> events = new ArrayList<>();
            for (int i = l * 5; i < l * 5 + 6; i++) {
                heard.add(TRACKS.get(i));
                events.add(Listener.play(TRACKS.get(i), Instant.now().minus(60 - i, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                        180_000));
            }
            HttpAnswer stored = listener.postEvents(nodes.one, Listener.batch("disc2-" + UUID.randomUUID(), events.toArray(String[]::new)));
            assertEquals(200, stored.status(), stored.toString());
            LISTENERS.add(listener);
            HEARD.add(heard);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static void awaitIndexed(AudoticsServer node) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = node.get("/v1/recommendations?seed_genres=disctwo&limit=100");
            List<String> ids = new ArrayList<>();
            if (answer.status() == 200) {
                answer.json().get("tracks").forEach(t -> ids.add(t.get("id").asText()));
            }
            if (ids.containsAll(TRACKS)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the tracks were not indexed within 60 s");
    }

    private static HttpAnswer post(AudoticsServer node, String token, String path) throws Exception {
        return node.send(HttpRequest.newBuilder(node.uri(path)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Both calls released at once, one per node. */
    private static List<HttpAnswer> atOnce(Callable<HttpAnswer> one, Callable<HttpAnswer> two) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (Callable<HttpAnswer> call : List.of(one, two)) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<HttpAnswer> out = new ArrayList<>();
            for (Future<HttpAnswer> answer : answers) {
                out.add(answer.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The listener's discovery playlists, read on node 2, each checked: no heard track, at most 2 per artist. */
    private static List<String> discoveryPlaylists(int listener) throws Exception {
        Listener who = LISTENERS.get(listener);
        HttpAnswer mine = who.get(nodes.two, "/v1/me/playlists?limit=50");
        assertEquals(200, mine.status(), mine.toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode p : mine.json().get("items")) {
            if (NAME.equals(p.get("name").asText())) {
                String id = p.get("id").asText();
                ids.add(id);
                HttpAnswer page = who.get(nodes.two, "/v1/playlists/" + id + "/tracks?limit=100");
                assertEquals(200, page.status(), page.toString());
                java.util.Map<String, Integer> perArtist = new java.util.HashMap<>();
                assertFalse(page.json().get("items").isEmpty(), page.toString());
                for (JsonNode item : page.json().get("items")) {
                    assertFalse(HEARD.get(listener).contains(item.get("track").get("id").asText()), "a heard track: " + page);
                    for (JsonNode artist : item.get("track").get("artists")) {
                        assertTrue(perArtist.merge(artist.get("id").asText(), 1, Integer::sum) <= 2, "the artist cap: " + page);
                    }
                }
            }
        }
        return ids;
    }

    @Test
    void twoNodesNeverBothWriteAListenersPlaylist() throws Exception {
        // one listener asks on both nodes at once: one playlist, each answer 200 or 409 (the other node writes it)
        String token = LISTENERS.get(0).token();
        List<HttpAnswer> both = atOnce(() -> post(nodes.one, token, "/v1/me/discovery"), () -> post(nodes.two, token, "/v1/me/discovery"));
        Set<String> playlists = new HashSet<>();
        for (HttpAnswer answer : both) {
            assertTrue(answer.status() == 200 || (answer.status() == 409 && "conflict".equals(answer.errorCode())), answer.toString());
            if (answer.status() == 200) {
                playlists.add(answer.json().get("playlist").get("id").asText());
            }
        }
        assertEquals(1, playlists.size(), "both nodes answered one playlist: " + both);
        assertEquals(List.copyOf(playlists), discoveryPlaylists(0));

        // an admin run started on both nodes at once: every listener ends with one playlist; listener 0 keeps theirs
        List<HttpAnswer> runs = atOnce(() -> post(nodes.one, AudoticsServer.ADMIN_TOKEN, "/v1/recommender/discovery"),
                () -> post(nodes.two, AudoticsServer.ADMIN_TOKEN, "/v1/recommender/discovery"));
        runs.forEach(run -> assertEquals(202, run.status(), run.toString()));
        int written = 0;
        List<String> states = new ArrayList<>();
        for (AudoticsServer node : new AudoticsServer[] {nodes.one, nodes.two}) {
            long deadline = System.nanoTime() + 180_000_000_000L;
            JsonNode run = node.get("/v1/recommender/discovery").json();
            while ("running".equals(run.get("state").asText())) {
                assertTrue(System.nanoTime() < deadline, "the run did not end within 180 s: " + run);
                Thread.sleep(250);
                run = node.get("/v1/recommender/discovery").json();
            }
            states.add(run.get("state").asText());
            written += run.path("written").asInt(0);
            assertEquals(0, run.path("failed").asInt(0), run.toString());
        }
        assertTrue(states.contains("finished"), "one node ran it: " + states);
        assertTrue(states.stream().allMatch(s -> s.equals("finished") || s.equals("skipped")), states.toString());
        assertTrue(written >= 3, "every listener written: " + written);
        assertEquals(List.copyOf(playlists), discoveryPlaylists(0), "the same playlist, rewritten in place");
        assertEquals(1, discoveryPlaylists(1).size());
        assertEquals(1, discoveryPlaylists(2).size());
    }
}
