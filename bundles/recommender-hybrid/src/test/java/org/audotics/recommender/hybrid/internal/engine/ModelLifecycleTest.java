package org.audotics.recommender.hybrid.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.metrics.api.Metrics;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.ModelMetrics;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TrainingJob;
import org.audotics.recommendation.api.TrainingRunningException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines as the nodes of one cluster: one embedded database and one pub/sub shared by every engine of a test. Two
 * clean groups of listeners (jazz j0..j7, metal m0..m7), each listener with every track of their group but one.
 */
class ModelLifecycleTest {

    @TempDir
    Path data;
    private PooledDatabase database;
    private final LocalPubSub pubSub = new LocalPubSub();
    private final List<HybridRecommender> nodes = new ArrayList<>();
    private final Map<String, Track> catalog = new LinkedHashMap<>();
    private final List<Interaction> history = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch historyGate = new CountDownLatch(0);

    ModelLifecycleTest() {
        for (int n = 0; n < 8; n++) {
            catalog.put("j" + n, track("j" + n, "jazz"));
            catalog.put("m" + n, track("m" + n, "metal"));
        }
        long sequence = 0;
        for (int u = 0; u < 30; u++) {
            String group = u % 2 == 0 ? "j" : "m";
            for (int n = 0; n < 8; n++) {
                if ((u / 2 + n) % 8 != 0) {
                    history.add(new Interaction(++sequence, "u" + u, group + n, 1.0, Instant.EPOCH));
                }
            }
        }
    }

    @AfterEach
    void stop() {
        nodes.forEach(HybridRecommender::deactivate);
        if (database != null) {
            database.close();
        }
    }

    private HybridRecommender node() {
        return node(pubSub);
    }

    private HybridRecommender node(LocalPubSub pubSub) {
        return node(pubSub, HybridRecommenderTest.config(-1));
    }

    private HybridRecommender node(LocalPubSub pubSub, HybridConfig config) {
        if (database == null) {
            database = EmbeddedDatabase.open(data.resolve("db"));
        }
        HybridRecommender node = new HybridRecommender(catalogService(), historyService(), database, pubSub, config);
        nodes.add(node);
        return node;
    }

    @Test
    void aModelTrainedOnOneNodeIsServedByTheOthersAndAfterARestart() throws Exception {
        HybridRecommender one = node();
        HybridRecommender two = node();
        one.train();
        ModelInfo trained = one.modelInfo().orElseThrow();
        assertEquals(1, trained.version());
        assertEquals("hybrid", trained.engine());
        assertEquals(30, trained.users());
        assertEquals(16, trained.tracks());
        assertEquals(history.size(), trained.interactions());
        assertEquals(List.of("recommender:models hybrid:1"), pubSub.published);
        awaitVersion(two, 1);
        assertEquals(trained, two.modelInfo().orElseThrow());
        RecommendationRequest request = new RecommendationRequest(List.of("j1"), List.of(), List.of(), Map.of(), null,
                RecommendationContext.NONE.withCaller(Caller.user("u2")));
        List<ScoredTrack> fromOne = one.recommend(request, 5);
        assertEquals(fromOne, two.recommend(request, 5), "the same model gives the same answer on both nodes");
        assertTrue(fromOne.stream().allMatch(t -> t.trackId().startsWith("j")), fromOne.toString());

        HybridRecommender restarted = node();   // a node that starts later loads the newest stored model
        awaitVersion(restarted, 1);
        assertEquals(fromOne, restarted.recommend(request, 5));
    }

    @Test
    void theModelCarriesOfflineMetricsMeasuredOnAHoldout() throws Exception {
        HybridRecommender one = node();
        one.train();
        ModelMetrics metrics = one.modelInfo().orElseThrow().metrics();
        assertNotNull(metrics);
        assertEquals(30, metrics.evaluatedUsers(), "every listener has 7 liked tracks, at least 5");
        // each listener's 2 held-out tracks compete with 2 more of their group and 8 of the other: all fit the top 20
        assertEquals(1.0, metrics.recallAt20(), 1e-9);
        assertTrue(metrics.coverageAt10() > 0 && metrics.coverageAt10() <= 1, String.valueOf(metrics.coverageAt10()));
        assertTrue(metrics.ndcgAt10() > 0, String.valueOf(metrics.ndcgAt10()));
    }

    @Test
    void onlyOneNodeTrainsAtATimeAndEveryNodeSeesTheJob() throws Exception {
        HybridRecommender one = node();
        HybridRecommender two = node();
        historyGate = new CountDownLatch(1);   // the first training waits inside the history read
        TrainingJob job = one.startTraining();
        assertTrue(job.state() == TrainingJob.State.QUEUED || job.state() == TrainingJob.State.RUNNING, job.toString());
        TrainingRunningException busy = assertThrows(TrainingRunningException.class, two::startTraining);
        assertEquals(job.id(), busy.runningJobId());
        assertThrows(TrainingRunningException.class, one::startTraining);
        assertEquals(job.id(), two.trainingJob(job.id()).orElseThrow().id(), "a job is visible from every node");
        assertTrue(two.modelInfo().isEmpty(), "nothing serves before the first model");
        historyGate.countDown();
        TrainingJob done = awaitFinished(two, job.id());
        assertEquals(TrainingJob.State.SUCCEEDED, done.state(), done.toString());
        assertEquals(1.0, done.progress());
        assertEquals(1L, done.modelVersion());
        assertNotNull(done.startedAt());
        assertNotNull(done.finishedAt());
        assertNull(done.error());
        TrainingJob second = two.startTraining();   // the lease is free again
        assertEquals(TrainingJob.State.SUCCEEDED, awaitFinished(one, second.id()).state());
        awaitVersion(one, 2);
        assertTrue(two.trainingJob("no-such-job").isEmpty());
    }

    @Test
    void aCorruptNewerVersionIsRefusedAndTheOldModelKeepsServing() throws Exception {
        HybridRecommender one = node();
        HybridRecommender two = node();
        one.train();
        awaitVersion(two, 1);
        one.train();
        awaitVersion(two, 2);
        LocalPubSub partitioned = new LocalPubSub();   // the third node hears no announcement of the others
        HybridRecommender third = node(partitioned);
        awaitVersion(third, 2);
        one.train();
        // version 3 is damaged in the database before the third node hears of it
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE recommender_model_chunk SET data = ? WHERE model_version = 3 AND seq = 0")) {
            s.setBytes(1, "AUDMODEL-but-not-really".getBytes());
            s.executeUpdate();
        }
        TrainedModel before = third.model();
        partitioned.publish(ModelLifecycle.CHANNEL, "hybrid:3");
        Thread.sleep(500);
        assertEquals(2, third.modelInfo().orElseThrow().version(), "the damaged version is refused");
        assertTrue(third.model() == before, "the old model object keeps serving");
        assertEquals(3, one.modelInfo().orElseThrow().version());
    }

    @Test
    void oldVersionsBeyondTheKeptNumberAreDeleted() throws Exception {
        HybridRecommender one = node();
        for (int n = 0; n < 5; n++) {
            one.train();
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version FROM recommender_model ORDER BY version")) {
            var r = s.executeQuery();
            List<Long> versions = new ArrayList<>();
            while (r.next()) {
                versions.add(r.getLong(1));
            }
            assertEquals(List.of(3L, 4L, 5L), versions, "models.keep = 3");
        }
    }

    @Test
    void eachFinishedTrainingIsTimedWithItsResult() throws Exception {
        List<String> timed = new CopyOnWriteArrayList<>();
        HybridRecommender one = node();
        one.bindMetrics(new Metrics() {
            @Override
            public void time(String name, long nanos, String... tags) {
                timed.add(name + " " + String.join("=", tags) + (nanos > 0 ? "" : " no duration"));
            }

            @Override
            public void count(String name, double amount, String... tags) {
            }

            @Override
            public Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
                return () -> { };
            }
        });
        assertEquals(TrainingJob.State.SUCCEEDED, awaitFinished(one, one.startTraining().id()).state());
        history.clear();
        assertEquals(TrainingJob.State.FAILED, awaitFinished(one, one.startTraining().id()).state());
        assertEquals(List.of("audotics.training.jobs result=ok", "audotics.training.jobs result=failed"), timed);
    }

    @Test
    void aTrainingOnAnEmptyHistoryFailsWithAReason() throws Exception {
        history.clear();
        HybridRecommender one = node();
        TrainingJob job = one.startTraining();
        TrainingJob done = awaitFinished(one, job.id());
        assertEquals(TrainingJob.State.FAILED, done.state());
        assertEquals("the listening history is empty: nothing to train on", done.error());
        assertTrue(one.modelInfo().isEmpty());
    }

    /**
     * Factors trained on Spark (written here as Spark's {@code write.json} leaves them) become a stored model like a
     * trained one: versioned, announced, loaded by another node, marked imported and without holdout metrics (the
     * factors saw every interaction).
     */
    @Test
    void sparkFactorsGoThroughTheSameStoreAndPublication() throws Exception {
        Path spark = data.resolve("spark");
        StringBuilder users = new StringBuilder();
        for (int u = 0; u < 30; u++) {
            users.append("{\"id\":\"u").append(u).append("\",\"features\":[").append(u % 2 == 0 ? "1.0,0.0" : "0.0,1.0").append("]}\n");
        }
        StringBuilder items = new StringBuilder();
        for (String id : catalog.keySet()) {
            items.append("{\"id\":\"").append(id).append("\",\"features\":[").append(id.startsWith("j") ? "0.9,0.1" : "0.1,0.9").append("]}\n");
        }
        for (String[] set : new String[][] {{"userFactors", users.toString()}, {"itemFactors", items.toString()}}) {
            Path dir = java.nio.file.Files.createDirectories(spark.resolve(set[0]));
            java.nio.file.Files.writeString(dir.resolve("_SUCCESS"), "");
            java.nio.file.Files.writeString(dir.resolve("part-00000-7a1b.json"), set[1]);
        }
        HybridConfig base = HybridRecommenderTest.config(-1);
        HybridConfig importing = (HybridConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HybridConfig.class},
                (proxy, method, args) -> method.getName().equals("factors_import") ? spark.toString() : method.invoke(base, args));
        HybridRecommender one = node(pubSub, importing);
        HybridRecommender two = node();
        one.train();
        ModelInfo imported = one.modelInfo().orElseThrow();
        assertEquals("imported", imported.source());
        assertNull(imported.metrics());
        awaitVersion(two, imported.version());
        assertEquals(imported, two.modelInfo().orElseThrow());
        TrainedModel served = two.model();
        int u0 = served.userIndex().get("u0");
        int j3 = served.trackIndex().get("j3");
        assertEquals(0.9f, served.model().factors().score(u0, j3), 1e-6f, "node 2 serves the Spark factors");
    }

    private static void awaitVersion(HybridRecommender node, long version) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (node.modelInfo().map(ModelInfo::version).orElse(0L) != version) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the node serves " + node.modelInfo() + ", not version " + version);
            }
            Thread.sleep(20);
        }
    }

    private static TrainingJob awaitFinished(HybridRecommender node, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            TrainingJob job = node.trainingJob(id).orElseThrow();
            if (job.state().finished()) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job still " + job);
            }
            Thread.sleep(20);
        }
    }

    private static Track track(String id, String genre) {
        return new Track(id, "x-" + id, "Track " + id, List.of(new ArtistRef("a-" + genre, genre)), null, List.of(genre), 10, 200_000, false, 1,
                1, new AudioFeatures(genre.equals("jazz") ? 0.9 : 0.1, 0.5, genre.equals("jazz") ? 0.2 : 0.9, 0.1, 1, 0.1, -8, 1, 0.05, 120, 4, 0.5));
    }

    private CatalogService catalogService() {
        return (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "forEachTrackWithFeatures" -> {
                        @SuppressWarnings("unchecked") Consumer<Track> action = (Consumer<Track>) args[0];
                        catalog.values().forEach(action);
                        yield null;
                    }
                    case "tracks" -> {
                        Map<String, Track> found = new LinkedHashMap<>();
                        for (Object id : (java.util.Collection<?>) args[0]) {
                            if (catalog.containsKey(id)) {
                                found.put((String) id, catalog.get(id));
                            }
                        }
                        yield found;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HistoryService historyService() {
        return (HistoryService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HistoryService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("interactions")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    long after = (Long) args[0];
                    if (after == 0 && (Integer) args[1] > 1) {
                        historyGate.await();
                    }
                    return history.stream().filter(i -> i.sequence() > after).limit((Integer) args[1]).toList();
                });
    }
}
