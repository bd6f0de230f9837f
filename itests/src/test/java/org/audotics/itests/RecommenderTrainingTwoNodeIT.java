package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hybrid engine's model lifecycle through the built distribution on two nodes (one PostgreSQL, one Redis):
 * {@code POST /v1/recommender/training} on node 1, the job polled to success, {@code GET /v1/recommender} on both
 * nodes reporting the same model version and data size, the same answers from both, no failed request while a
 * second model is trained and swapped in, node 2 restarted serving the newest stored version; and the bad inputs.
 *
 * <p>The hybrid engine is added to the distribution's boot features (it is in system/, not in "audotics" yet), its
 * schedule switched off so that only the test trains.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommenderTrainingTwoNodeIT {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static TwoNodes nodes;
    private static final List<String> jazz = new ArrayList<>();
    private static final List<String> metal = new ArrayList<>();
    private static final List<Listener> listeners = new ArrayList<>();
    private static long firstVersion;

    @BeforeAll
    static void start() throws Exception {
        Path distribution = Path.of(System.getProperty("audotics.distribution"));
        String features = Files.readString(distribution.resolve("etc/org.apache.karaf.features.cfg"))
                .replace("featuresBoot = \\\n", "featuresBoot = \\\n    audotics-recommender-hybrid, \\\n");
        nodes = TwoNodes.start("training", Map.of(
                "org.apache.karaf.features", features,
                "org.audotics.recommender.hybrid", "training.interval.minutes = -1\nals.factors = 16\nrp3.neighbours = 50\n"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            lines.append(TrackLines.track("train-jazz-" + RUN + "-" + i, "jazz " + i, "train-jazz-artist-" + RUN + "-" + (i % 5),
                    "tjazz" + RUN, 30 + i, 0.05 + i / 100.0, 200 + i)).append('\n');
            lines.append(TrackLines.track("train-metal-" + RUN + "-" + i, "metal " + i, "train-metal-artist-" + RUN + "-" + (i % 5),
                    "tmetal" + RUN, 30 + i, 0.95 - i / 100.0, 200 + i)).append('\n');
        }
        HttpAnswer imported = nodes.one.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        JsonNode tracks = imported.json().get("tracks");
        for (int i = 0; i < tracks.size(); i++) {
            (i % 2 == 0 ? jazz : metal).add(tracks.get(i).get("id").asText());
        }
        for (int u = 0; u < 12; u++) {
            Listener listener = Listener.signUp(nodes.one, "trainee" + u);
            listeners.add(listener);
            List<String> group = u % 2 == 0 ? jazz : metal;
            List<String> events = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                String track = group.get((u / 2 + n) % group.size());
                events.add(Listener.play(track, Instant.now().minus(60 - n, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(), 180_000));
            }
            HttpAnswer stored = listener.postEvents(nodes.one, Listener.batch("train-" + UUID.randomUUID(), events.toArray(String[]::new)));
            assertEquals(200, stored.status(), stored.toString());
        }
        for (AudoticsServer node : new AudoticsServer[] {nodes.one, nodes.two}) {
            awaitHybridAnswers(node);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** The hybrid engine is active and answers (from its content snapshot: no model yet). */
    private static void awaitHybridAnswers(AudoticsServer node) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpAnswer engine = node.get("/v1/recommender");
            HttpAnswer answer = node.get("/v1/recommendations?seed_tracks=" + jazz.get(0) + "&limit=5");
            if (engine.status() == 200 && "hybrid".equals(engine.json().get("name").asText()) && answer.status() == 200) {
                return;
            }
            last = engine + " / " + answer;
            Thread.sleep(250);
        }
        throw new AssertionError("the hybrid engine did not answer within 120 s: " + last);
    }

    private static HttpAnswer post(AudoticsServer node, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri("/v1/recommender/training")).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return node.send(request);
    }

    private static JsonNode awaitJob(AudoticsServer node, String id) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            HttpAnswer job = node.get("/v1/recommender/training/" + id);
            assertEquals(200, job.status(), job.toString());
            String state = job.json().get("state").asText();
            double progress = job.json().get("progress").asDouble();
            assertTrue(progress >= 0 && progress <= 1, job.toString());
            assertTrue(List.of("queued", "running", "succeeded", "failed").contains(state), job.toString());
            if (state.equals("succeeded") || state.equals("failed")) {
                return job.json();
            }
            assertTrue(System.nanoTime() < deadline, "job still " + job);
            Thread.sleep(100);
        }
    }

    private static JsonNode awaitModel(AudoticsServer node, long version) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            JsonNode model = node.get("/v1/recommender").json().get("model");
            if (model != null && !model.isNull() && model.get("version").asLong() == version) {
                return model;
            }
            assertTrue(System.nanoTime() < deadline, "node serves " + model + ", not version " + version);
            Thread.sleep(200);
        }
    }

    private static List<String> answer(AudoticsServer node, Listener listener) throws Exception {
        HttpAnswer answer = listener.get(node, "/v1/recommendations?seed_tracks=" + jazz.get(1) + "&limit=8");
        assertEquals(200, answer.status(), answer.toString());
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    @Order(1)
    void badRequestsGetOurErrors() throws Exception {
        HttpAnswer anonymous = post(nodes.one, null);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals("unauthorized", anonymous.errorCode());
        HttpAnswer user = post(nodes.one, listeners.get(0).token());
        assertEquals(403, user.status(), user.toString());
        assertEquals("forbidden", user.errorCode());
        HttpAnswer userReads = listeners.get(0).get(nodes.one, "/v1/recommender/training/anything");
        assertEquals(403, userReads.status(), userReads.toString());
        HttpAnswer unknown = nodes.two.get("/v1/recommender/training/" + UUID.randomUUID());
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("not_found", unknown.errorCode());
        HttpAnswer before = nodes.one.get("/v1/recommender");
        assertTrue(before.json().get("trainable").asBoolean(), before.toString());
        assertTrue(before.json().get("model").isNull(), "no model before the first training: " + before);
    }

    @Test
    @Order(2)
    void aModelTrainedOnOneNodeIsServedByBothWithItsMetricsAndASecondStartIsRefusedWhileItRuns() throws Exception {
        HttpAnswer started = post(nodes.one, AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, started.status(), started.toString());
        String id = started.json().get("id").asText();
        assertEquals("/v1/recommender/training/" + id, java.net.URI.create(started.response().headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("request", started.json().get("trigger").asText());
        HttpAnswer again = post(nodes.two, AudoticsServer.ADMIN_TOKEN);
        JsonNode job = awaitJob(nodes.two, id);   // followed from the other node
        if (again.status() == 202) {
            // the first job had finished before the second arrived: then the second must have started after it
            assertTrue(Instant.parse(again.json().get("created_at").asText()).compareTo(Instant.parse(job.get("finished_at").asText())) >= 0, again.toString());
            job = awaitJob(nodes.two, again.json().get("id").asText());
        } else {
            assertEquals(409, again.status(), again.toString());
            assertEquals("conflict", again.errorCode());
            assertTrue(again.errorMessage().contains(id), again.toString());
        }
        assertEquals("succeeded", job.get("state").asText(), job.toString());
        assertEquals(1.0, job.get("progress").asDouble());
        assertTrue(job.get("error").isNull(), job.toString());
        assertNotNull(job.get("started_at").asText(null));
        firstVersion = job.get("model_version").asLong();

        JsonNode onOne = awaitModel(nodes.one, firstVersion);
        JsonNode onTwo = awaitModel(nodes.two, firstVersion);
        assertEquals(onOne, onTwo, "both nodes report the same model");
        assertEquals("hybrid", onOne.get("engine").asText());
        assertEquals("trained", onOne.get("source").asText());
        assertEquals(12, onOne.get("data_size").get("users").asInt());
        assertEquals(30, onOne.get("data_size").get("tracks").asInt(), "every imported track was played by someone");
        assertEquals(120, onOne.get("data_size").get("interactions").asInt(), "12 listeners × 10 plays");
        JsonNode metrics = onOne.get("metrics");
        assertEquals(12, metrics.get("evaluated_users").asInt(), "every listener has 10 liked tracks, at least 5");
        for (String name : List.of("ndcg_at_10", "recall_at_20", "coverage_at_10")) {
            double v = metrics.get(name).asDouble();
            assertTrue(v >= 0 && v <= 1, name + " = " + v);
        }
        Instant.parse(onOne.get("trained_at").asText());
        for (Listener listener : listeners.subList(0, 4)) {
            assertEquals(answer(nodes.one, listener), answer(nodes.two, listener), "the same model answers the same on both nodes");
        }
    }

    @Test
    @Order(3)
    void trainingWhileServingLosesNoRequestAndARestartedNodeServesTheNewestModel() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (AudoticsServer node : new AudoticsServer[] {nodes.one, nodes.two}) {
            Thread client = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        Listener listener = listeners.get(n++ % listeners.size());
                        HttpAnswer a = listener.get(node, "/v1/recommendations?seed_tracks=" + metal.get(n % metal.size()) + "&limit=5");
                        if (a.status() != 200) {
                            failures.add(a.toString());
                        }
                        answered.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        HttpAnswer started = post(nodes.one, AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, started.status(), started.toString());
        JsonNode job = awaitJob(nodes.one, started.json().get("id").asText());
        assertEquals("succeeded", job.get("state").asText(), job.toString());
        long second = job.get("model_version").asLong();
        assertTrue(second > firstVersion, job.toString());
        awaitModel(nodes.two, second);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + answered.get() + " failed, e.g. " + failures.peek());
        assertTrue(answered.get() > 0);

        nodes.two.crash();   // as a node that dies; its memory is gone, the database keeps the models
        nodes.two.restart();
        JsonNode restarted = awaitModel(nodes.two, second);
        assertEquals(awaitModel(nodes.one, second), restarted, "the restarted node loaded the newest stored model");
        for (Listener listener : listeners.subList(0, 4)) {
            assertEquals(answer(nodes.one, listener), answer(nodes.two, listener));
        }
        assertFalse(restarted.get("metrics").isNull());
    }
}
