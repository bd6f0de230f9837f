package org.audotics.recommender.hybrid.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.Test;

/**
 * The engine over an in-memory catalog and history: jazz listeners play j0..j4, metal listeners m0..m4, and
 * one cold track c0 (jazz-like sound) nobody played.
 */
class HybridRecommenderTest {

    private final Map<String, Track> catalog = new LinkedHashMap<>();
    private final List<Interaction> history = new ArrayList<>();

    HybridRecommenderTest() {
        for (int n = 0; n < 5; n++) {
            catalog.put("j" + n, track("j" + n, "jazz", 0.9, 0.2, 20 + n * 10));
            catalog.put("m" + n, track("m" + n, "metal", 0.05, 0.95, 30 + n * 10));
        }
        catalog.put("c0", track("c0", "jazz", 0.88, 0.22, 10));
        long sequence = 0;
        for (int u = 0; u < 12; u++) {
            String group = u < 6 ? "j" : "m";
            for (int n = 0; n < 5; n++) {
                if ((u + n) % 5 != 0) { // each listener misses one track of their group
                    history.add(new Interaction(++sequence, "u" + u, group + n, 1.0, Instant.EPOCH));
                }
            }
        }
        history.add(new Interaction(++sequence, "u0", "m0", -4.0, Instant.EPOCH)); // a ban
    }

    private static Track track(String id, String genre, double acousticness, double energy, int popularity) {
        return new Track(id, "x-" + id, "Track " + id, List.of(new ArtistRef("a-" + genre, genre)), null, List.of(genre),
                popularity, 200_000, false, 1, 1, new AudioFeatures(acousticness, 0.5, energy, 0.1, 1, 0.1, -8, 1, 0.05, 120, 4, 0.5));
    }

    @Test
    void seedsAreAnsweredFromTheirListenersTasteWithinTheBoundsAndNeverThemselves() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        List<ScoredTrack> answer = engine.recommend(request(List.of("j0"), Map.of()), 4);
        assertEquals(4, answer.size());
        for (ScoredTrack t : answer) {
            assertTrue(t.trackId().startsWith("j") || t.trackId().equals("c0"), "jazz for a jazz seed: " + answer);
            assertFalse(t.trackId().equals("j0"));
            assertTrue(t.score() >= 0 && t.score() <= 1);
        }
        // popularity at most 30: only j0 (20, the seed) and j1 (30) among the played jazz tracks, then content
        List<ScoredTrack> bounded = engine.recommend(request(List.of("j0"),
                Map.of(TunableAttribute.POPULARITY, new AttributeBounds(TunableAttribute.POPULARITY, null, 30.0, null))), 5);
        for (ScoredTrack t : bounded) {
            assertTrue(catalog.get(t.trackId()).popularity() <= 30, bounded.toString());
            assertFalse(t.trackId().equals("j0"));
        }
        assertEquals("j1", bounded.get(0).trackId());
        engine.deactivate();
    }

    @Test
    void aColdSeedFallsBackToHowItSounds() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        List<ScoredTrack> answer = engine.recommend(request(List.of("c0"), Map.of()), 3);
        assertEquals(3, answer.size());
        answer.forEach(t -> assertTrue(t.trackId().startsWith("j"), "sounds like jazz: " + answer));
        engine.deactivate();
    }

    @Test
    void personalListsFollowTheListenersGroupAndLeaveOutWhatTheyPlayedOrBanned() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        // u1 missed j1 ((1 + 1) % 5 != 0 ... u1 misses n = 4): the first pick is j4
        List<ScoredTrack> mine = engine.forUser("u1", 1, Set.of());
        assertEquals("j4", mine.get(0).trackId());
        // u0 banned m0: never offered, whatever the model thinks; exclusions hold too
        List<ScoredTrack> u0 = engine.forUser("u0", 20, Set.of("j0"));
        assertFalse(u0.stream().anyMatch(t -> t.trackId().equals("m0") || t.trackId().equals("j0")), u0.toString());
        assertFalse(u0.isEmpty());
        assertTrue(engine.forUser("nobody", 5, Set.of()).isEmpty());
        double[] scores = engine.scoreForUser("u7", List.of("m1", "j1", "unknown"));
        assertTrue(scores[0] > scores[1], "a metal listener scores metal above jazz");
        assertTrue(Double.isNaN(scores[2]));
        engine.deactivate();
    }

    @Test
    void theSameSeedAnswersEachListenerFromTheirOwnTaste() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        // u7 is a metal listener who never played m3; u1 a jazz listener; both send the jazz seed j0
        List<String> metalFan = ids(engine.recommend(personal(List.of("j0"), "u7"), 5));
        List<String> jazzFan = ids(engine.recommend(personal(List.of("j0"), "u1"), 4));
        assertTrue(metalFan.contains("m3"), "the metal listener's own unheard track joins the answer: " + metalFan);
        jazzFan.forEach(id -> assertTrue(id.startsWith("j"), "jazz for a jazz listener with a jazz seed: " + jazzFan));
        assertFalse(metalFan.equals(ids(engine.recommend(request(List.of("j0"), Map.of()), 5))), "anonymous differs");
        // a seedless request of a known listener is answered from their taste; a banned track never comes back
        List<String> seedless = ids(engine.recommend(new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null,
                RecommendationContext.NONE.withCaller(Caller.user("u0"))), 10));
        assertFalse(seedless.isEmpty());
        assertFalse(seedless.contains("m0"), "u0 banned m0: " + seedless);
        engine.deactivate();
    }

    @Test
    void blendNormalisesEachSignalBeforeAveraging() {
        float[] out = HybridRecommender.blend(HybridRecommender.normalised(new float[] {10, 20, 30}),
                HybridRecommender.normalised(new float[] {1, 0, Float.NaN}));
        assertEquals(0.5f, out[0], 1e-6);   // (0 + 1) / 2
        assertEquals(0.25f, out[1], 1e-6);  // (0.5 + 0) / 2
        assertEquals(0.5f, out[2], 1e-6);   // (1 + 0) / 2: an unknown score counts as the lowest
        assertEquals(1f, HybridRecommender.blend(null, HybridRecommender.normalised(new float[] {3, 3}))[0], 1e-6);
    }

    @Test
    void explainsEachTrackByTheListenersTrackThatBroughtItAndBySignal() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        RecommendationContext explain = new RecommendationContext(Caller.user("u7"), org.audotics.recommendation.api.Exclusions.NONE,
                RecommendationContext.NO_ARTIST_CAP, 0, true, org.audotics.recommendation.api.AlreadyHeard.ALLOW, Map.of());
        Map<TunableAttribute, AttributeBounds> energy = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.95));
        List<ScoredTrack> answer = engine.recommend(new RecommendationRequest(List.of("j0"), List.of(), List.of(), energy, null, explain), 5);
        ScoredTrack m3 = answer.stream().filter(t -> t.trackId().equals("m3")).findFirst().orElseThrow(() -> new AssertionError(answer.toString()));
        // u7 played m0, m1, m2, m4 (misses m3): m3 came from the neighbour list of one of those
        String because = m3.explanation().reasons().get(0);
        assertTrue(because.matches("because you play Track m[0124]"), m3.explanation().toString());
        assertTrue(m3.explanation().reasons().contains("close to your target energy"), m3.explanation().toString());
        assertEquals(List.of("co_listening", "taste", "popularity", "target_energy"), List.copyOf(m3.explanation().signals().keySet()));
        assertEquals(1.0, m3.explanation().signals().get("target_energy"), 1e-9); // energy 0.95 = the target
        for (ScoredTrack t : answer) {
            assertFalse(t.explanation().isEmpty(), t.toString());
            t.explanation().signals().values().forEach(v -> assertTrue(v >= 0 && v <= 1));
            if (t.trackId().startsWith("j")) {
                assertEquals(0.25, t.explanation().signals().get("target_energy"), 1e-9, "jazz at energy 0.2: 1 - 0.75");
                assertFalse(t.explanation().reasons().contains("close to your target energy"));
            }
        }
        // a metal track scores higher on taste for the metal listener than a jazz one does
        double metalTaste = m3.explanation().signals().get("taste");
        answer.stream().filter(t -> t.trackId().startsWith("j")).forEach(t ->
                assertTrue(t.explanation().signals().get("taste") < metalTaste, answer.toString()));
        // a cold seed is explained by sound; without explain=true nothing is explained
        RecommendationRequest cold = new RecommendationRequest(List.of("c0"), List.of(), List.of(), Map.of(), null,
                new RecommendationContext(Caller.ANONYMOUS, org.audotics.recommendation.api.Exclusions.NONE,
                        RecommendationContext.NO_ARTIST_CAP, 0, true, org.audotics.recommendation.api.AlreadyHeard.ALLOW, Map.of()));
        ScoredTrack bySound = engine.recommend(cold, 1).get(0);
        assertTrue(bySound.explanation().signals().containsKey("sound"), bySound.toString());
        assertTrue(bySound.explanation().reasons().contains("sounds like your seed tracks"), bySound.toString());
        engine.recommend(personal(List.of("j0"), "u7"), 5).forEach(t -> assertTrue(t.explanation().isEmpty()));
        engine.deactivate();
    }

    @Test
    void similarTracksComeFromCoListeningAndSoundAndColdTracksFromSoundAlone() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        RecommendationContext explain = new RecommendationContext(Caller.ANONYMOUS,
                new org.audotics.recommendation.api.Exclusions(Set.of("j1"), Set.of(), Set.of("j2")),
                RecommendationContext.NO_ARTIST_CAP, 0, true, org.audotics.recommendation.api.AlreadyHeard.ALLOW, Map.of());
        List<ScoredTrack> like = engine.similar("j0", explain, 3);
        assertEquals(List.of("j3", "j4", "c0"), ids(like).stream().sorted(java.util.Comparator.comparing(id -> id.equals("c0") ? 1 : 0)).toList(),
                "jazz only, never j0, nor the excluded j1 and banned j2: " + like);
        assertEquals(List.of("co_listening", "sound"), List.copyOf(like.get(0).explanation().signals().keySet()), like.toString());
        assertTrue(like.get(0).explanation().reasons().stream().anyMatch(r -> r.endsWith("Track j0")), like.toString());
        for (int r = 1; r < like.size(); r++) {
            assertTrue(like.get(r - 1).score() > like.get(r).score(), "most similar first: " + like);
        }
        // the metal neighbours score below every jazz one
        List<String> wide = ids(engine.similar("m0", RecommendationContext.NONE, 4));
        wide.forEach(id -> assertTrue(id.startsWith("m"), "metal like metal: " + wide));
        // c0: nobody played it, so sound alone (jazz-like features)
        List<ScoredTrack> cold = engine.similar("c0", explain.withExclusions(org.audotics.recommendation.api.Exclusions.NONE), 3);
        ids(cold).forEach(id -> assertTrue(id.startsWith("j"), "sounds like jazz: " + cold));
        assertEquals(Set.of("sound"), cold.get(0).explanation().signals().keySet());
        assertTrue(engine.similar("j0", RecommendationContext.NONE, 3).get(0).explanation().isEmpty());
        engine.deactivate();
    }

    @Test
    void withoutAModelTheSoundEngineAnswersAndWithOneItFillsWhatTheModelLeavesOpen() throws Exception {
        HybridRecommender engine = engine();
        List<RecommendationRequest> asked = new ArrayList<>();
        // a stand-in for feature-knn: proposes c0 then every metal track, with its own explanation
        engine.sound = (request, limit) -> {
            asked.add(request);
            List<ScoredTrack> out = new ArrayList<>();
            for (String id : List.of("c0", "m0", "m1", "m2", "m3", "m4")) {
                out.add(new ScoredTrack(id, 0.5, new org.audotics.recommendation.api.Explanation(List.of("sounds like it"), Map.of("sound", 0.5))));
            }
            return out.subList(0, Math.min(limit, out.size()));
        };
        // before any training: the whole request goes to the sound engine, as it is
        RecommendationRequest genre = new RecommendationRequest(List.of(), List.of(), List.of("jazz"), Map.of(), null);
        assertEquals(List.of("c0", "m0"), ids(engine.recommend(genre, 2)));
        assertEquals(genre, asked.get(0));
        engine.train();
        // the model answers the seed's co-listened jazz first; the sound engine fills the rest, skipping what is chosen
        List<ScoredTrack> answer = engine.recommend(request(List.of("j0"), Map.of()), 8);
        List<String> ids = ids(answer);
        assertTrue(ids.subList(0, 4).stream().allMatch(id -> id.startsWith("j")), ids.toString());
        assertTrue(ids.contains("c0") && ids.contains("m0"), "filled by sound: " + ids);
        assertEquals(ids.size(), ids.stream().distinct().count(), "each once: " + ids);
        for (int r = 1; r < answer.size(); r++) {
            assertTrue(answer.get(r - 1).score() > answer.get(r).score(), "in order: " + answer);
        }
        engine.deactivate();
    }

    @Test
    void eachTrackNamesWhoProducedItWhenItIsNotTheModel() throws Exception {
        HybridRecommender engine = engine();
        engine.sound = (request, limit) -> List.of(new ScoredTrack("c0", 0.9), new ScoredTrack("m0", 0.8), new ScoredTrack("m1", 0.7))
                .subList(0, Math.min(limit, 3));
        // no model: the sound engine's whole answer, each track named as feature-knn's
        List<ScoredTrack> before = engine.recommend(new RecommendationRequest(List.of(), List.of(), List.of("jazz"), Map.of(), null), 3);
        assertEquals(List.of("feature-knn", "feature-knn", "feature-knn"), before.stream().map(ScoredTrack::source).toList());
        engine.train();
        // with a model: its picks are the engine's own (no source), the sound engine's fill says feature-knn
        List<ScoredTrack> answer = engine.recommend(request(List.of("j0"), Map.of()), 8);
        int modelPicks = (int) answer.stream().filter(t -> t.source() == null).count();
        assertTrue(modelPicks >= 3, "the model ranks the co-listened jazz: " + answer);
        answer.subList(0, modelPicks).forEach(t -> assertTrue(t.trackId().startsWith("j"), answer.toString()));
        answer.subList(modelPicks, answer.size()).forEach(t -> assertEquals("feature-knn", t.source(), answer.toString()));
        assertTrue(modelPicks < answer.size(), "the sound engine filled the rest: " + answer);
        // without the sound engine a cold seed is answered by the engine's own content snapshot, named so
        engine.sound = null;
        List<ScoredTrack> cold = engine.recommend(request(List.of("c0"), Map.of()), 3);
        assertEquals(3, cold.size());
        cold.forEach(t -> assertEquals(HybridRecommender.CONTENT_SOURCE, t.source(), cold.toString()));
        // and the model's own answer to a seed it knows names no fallback where the model had enough
        List<ScoredTrack> known = engine.recommend(request(List.of("j0"), Map.of()), 2);
        known.forEach(t -> assertEquals(null, t.source(), known.toString()));
        engine.deactivate();
    }

    private static List<String> ids(List<ScoredTrack> answer) {
        return answer.stream().map(ScoredTrack::trackId).toList();
    }

    private static RecommendationRequest personal(List<String> seeds, String userId) {
        return new RecommendationRequest(seeds, List.of(), List.of(), Map.of(), null, RecommendationContext.NONE.withCaller(Caller.user(userId)));
    }

    @Test
    void answersNotReadyBeforeTheFirstModelOrContentSnapshot() throws Exception {
        java.util.concurrent.CountDownLatch snapshot = new java.util.concurrent.CountDownLatch(1);
        CatalogService slow = (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> {
                    snapshot.await();   // the content snapshot is still being read
                    return method.invoke(catalogService(), args);
                });
        HybridRecommender engine = started(new HybridRecommender(slow, historyService(), database(), pubSub, config(-1)));
        assertThrows(EngineNotReadyException.class, () -> engine.recommend(request(List.of("j0"), Map.of()), 3));
        snapshot.countDown();
    }

    @Test
    void aCatalogNotReadyAtStartIsAskedAgainUntilTheEngineCanAnswer() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CatalogService starting = (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("forEachTrackWithFeatures") && calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("catalog schema not migrated yet");
                    }
                    return method.invoke(catalogService(), args);
                });
        HybridRecommender engine = started(new HybridRecommender(starting, historyService(), database(), pubSub, config(-1)));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                assertFalse(engine.recommend(request(List.of("j0"), Map.of()), 3).isEmpty(), "the content snapshot answers");
                break;
            } catch (EngineNotReadyException notYet) {
                assertTrue(System.nanoTime() < deadline, "still not ready after 30 s");
                Thread.sleep(100);
            }
        }
        assertEquals(2, calls.get(), "the snapshot was read again after the first failure");
    }

    @Test
    void aTrainingPagesThroughTheHistory() throws Exception {
        HybridRecommender engine = engine();
        engine.train();
        TrainedModel model = engine.model();
        assertNotNull(model);
        assertEquals(history.size(), model.interactions());
        assertEquals(12, model.userIds().size());
        engine.deactivate();
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path data;
    private final LocalPubSub pubSub = new LocalPubSub();
    private final List<HybridRecommender> engines = new ArrayList<>();
    private org.audotics.storage.internal.PooledDatabase database;

    /** One embedded H2 per test, as a server has. */
    private org.audotics.storage.internal.PooledDatabase database() {
        if (database == null) {
            database = org.audotics.storage.internal.EmbeddedDatabase.open(data);
        }
        return database;
    }

    private HybridRecommender started(HybridRecommender engine) {
        engines.add(engine);
        return engine;
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        engines.forEach(HybridRecommender::deactivate);
        if (database != null) {
            database.close();
        }
    }

    private HybridRecommender engine() {
        // interval -1: no scheduled run (the test trains itself)
        return started(new HybridRecommender(catalogService(), historyService(), database(), pubSub, config(-1)));
    }

    private static RecommendationRequest request(List<String> seeds, Map<TunableAttribute, AttributeBounds> bounds) {
        return new RecommendationRequest(seeds, List.of(), List.of(), bounds, null);
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
                    case "revision" -> 1L;
                    case "track" -> java.util.Optional.ofNullable(catalog.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Pages of 3, to prove the trainer pages. */
    private HistoryService historyService() {
        return (HistoryService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HistoryService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("interactions")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    long after = (Long) args[0];
                    int limit = Math.min(3, (Integer) args[1]);
                    return history.stream().filter(i -> i.sequence() > after).limit(limit).toList();
                });
    }

    /** The defaults, with a small model and the given interval. */
    static HybridConfig config(int intervalMinutes) {
        return (HybridConfig) Proxy.newProxyInstance(HybridRecommenderTest.class.getClassLoader(), new Class<?>[] {HybridConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "training_interval_minutes" -> intervalMinutes;
                    case "training_page_size" -> 3;
                    case "als_factors" -> 4;
                    case "als_epochs" -> 20;
                    case "annotationType" -> HybridConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    @SuppressWarnings("unused")
    private static Class<? extends Annotation> type() {
        return HybridConfig.class;
    }
}
