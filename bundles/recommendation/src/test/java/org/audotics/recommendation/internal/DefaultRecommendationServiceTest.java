package org.audotics.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Explanation;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.audotics.recommendation.api.UnknownSeedException;
import org.junit.jupiter.api.Test;

class DefaultRecommendationServiceTest {

    private final CatalogService catalog = new FixedCatalog();
    private final DefaultRecommendationService service = new DefaultRecommendationService(catalog);

    private static RecommendationRequest seedT1() {
        return new RecommendationRequest(List.of("t1"), List.of(), List.of(), Map.of(), null);
    }

    private static ActiveEngine engine(String name, Recommender recommender) {
        return new ActiveEngine(recommender, new EngineInfo(name, null, "test", "1.0.0", 0));
    }

    @Test
    void answersWithTheActiveEngine() {
        service.use(engine("fixed", (request, limit) -> List.of(new ScoredTrack("t2", 0.9))));
        var answer = service.recommend(seedT1(), 10);
        assertEquals("fixed", answer.engine().name());
        assertEquals(List.of("t2"), answer.tracks().stream().map(r -> r.track().id()).toList());
    }

    @Test
    void withoutAnEngineSaysSo() {
        assertThrows(NoEngineException.class, () -> service.recommend(seedT1(), 10));
        assertThrows(NoEngineException.class, service::activeEngine);
    }

    @Test
    void unknownSeedsAreRefusedBeforeTheEngineIsAsked() {
        service.use(engine("fixed", (request, limit) -> {
            throw new AssertionError("engine must not be called");
        }));
        var e = assertThrows(UnknownSeedException.class, () -> service.recommend(
                new RecommendationRequest(List.of("t1", "ghost"), List.of(), List.of(), Map.of(), null), 10));
        assertEquals("seed_tracks", e.parameter());
        assertEquals("ghost", e.seed());
        assertThrows(UnknownSeedException.class, () -> service.recommend(
                new RecommendationRequest(List.of(), List.of("nobody"), List.of(), Map.of(), null), 10));
        assertThrows(UnknownSeedException.class, () -> service.recommend(
                new RecommendationRequest(List.of(), List.of(), List.of("polka"), Map.of(), null), 10));
    }

    @Test
    void anEngineFailingWhileBeingReplacedIsRetriedOnItsSuccessor() {
        var successor = engine("successor", (request, limit) -> List.of(new ScoredTrack("t3", 0.5)));
        service.use(engine("leaving", (request, limit) -> {
            service.use(successor); // the swap happens while this request runs
            throw new NoClassDefFoundError("bundle uninstalled");
        }));
        var answer = service.recommend(seedT1(), 10);
        assertEquals("successor", answer.engine().name());
    }

    @Test
    void anEngineThatIsNotReadyFailsTheRequestAtOnceAsNoEngine() {
        service.use(engine("starting", (request, limit) -> {
            throw new EngineNotReadyException("building index: 0 tracks read");
        }));
        NoEngineException refused = assertThrows(NoEngineException.class, () -> service.recommend(seedT1(), 10));
        assertEquals(EngineNotReadyException.class, refused.getClass());
        assertEquals("starting", service.activeEngine().name(), "the engine stays active: it will be ready");
    }

    @Test
    void anEngineFailingWithoutASwapFailsTheRequest() {
        service.use(engine("broken", (request, limit) -> {
            throw new IllegalStateException("bug");
        }));
        assertThrows(IllegalStateException.class, () -> service.recommend(seedT1(), 10));
    }

    @Test
    void aMisbehavingEnginesAnswerIsCleanedUp() {
        service.use(engine("sloppy", (request, limit) -> List.of(
                new ScoredTrack("t2", 0.2), new ScoredTrack("t1", 1.0), new ScoredTrack("t2", 0.9),
                new ScoredTrack("unknown", 0.8), new ScoredTrack("t4", 0.99), new ScoredTrack("t3", 0.7))));
        var bounds = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, 0.5, null));
        var answer = service.recommend(new RecommendationRequest(List.of("t1"), List.of(), List.of(), bounds, null), 10);
        // seed t1 dropped, duplicate t2 dropped, unknown dropped, t4 (energy 0.9) out of bounds, sorted by score
        assertEquals(List.of("t3", "t2"), answer.tracks().stream().map(r -> r.track().id()).toList());
    }

    @Test
    void theAnswerSaysWhichTracksAFallbackProducedAndTheNodeCountsThem() {
        service.producers = new AnswerProducers();
        service.use(engine("layered", (request, limit) -> List.of(new ScoredTrack("t2", 0.9),
                new ScoredTrack("t3", 0.8).producedBy("feature-knn"), new ScoredTrack("t4", 0.7, Explanation.NONE, "layered-content"))));
        var answer = service.recommend(seedT1(), 10);
        assertEquals(java.util.Arrays.asList(null, "feature-knn", "layered-content"),
                answer.tracks().stream().map(org.audotics.recommendation.api.Recommendation::source).toList());
        assertEquals(Map.of("layered", 1, "feature-knn", 1, "layered-content", 1), answer.producers());
        assertEquals(Map.of("feature-knn", 1, "layered-content", 1), answer.fallbacks());
        service.recommend(seedT1(), 1);   // only t2, the engine's own
        assertEquals(List.of("layered", "feature-knn", "layered-content"), List.copyOf(service.producers.of("layered").keySet()));
        assertEquals(Map.of("layered", 2L, "feature-knn", 1L, "layered-content", 1L), service.producers.of("layered"));
        // an engine built before 1.5 names no source: all its own, no fallback
        service.use(engine("old", (request, limit) -> List.of(new ScoredTrack("t2", 0.9))));
        assertTrue(service.recommend(seedT1(), 10).fallbacks().isEmpty());
    }

    @Test
    void neverReturnsMoreThanTheLimit() {
        service.use(engine("eager", (request, limit) -> List.of(new ScoredTrack("t2", 0.9), new ScoredTrack("t3", 0.8))));
        assertEquals(1, service.recommend(seedT1(), 1).tracks().size());
    }

    /** Tracks t1..t4 with energy 0.1, 0.2, 0.3, 0.9; artist a1; genre rock. */
    private static final class FixedCatalog implements CatalogService {
        private final Map<String, Track> tracks = new LinkedHashMap<>();

        FixedCatalog() {
            double[] energies = {0.1, 0.2, 0.3, 0.9};
            for (int i = 0; i < energies.length; i++) {
                var features = new AudioFeatures(0.5, 0.5, energies[i], 0.5, 1, 0.5, -10, 1, 0.5, 120, 4, 0.5);
                String id = "t" + (i + 1);
                tracks.put(id, new Track(id, id, id, List.of(new ArtistRef("a1", "A")), null, List.of("rock"), 50, 1000,
                        false, 1, 1, features));
            }
        }

        @Override
        public ImportResult importTracks(List<TrackImport> batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Track> track(String id) {
            return Optional.ofNullable(tracks.get(id));
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            var found = new LinkedHashMap<String, Track>();
            ids.forEach(id -> Optional.ofNullable(tracks.get(id)).ifPresent(t -> found.put(id, t)));
            return found;
        }

        @Override
        public Optional<Artist> artist(String id) {
            return "a1".equals(id) ? Optional.of(new Artist("a1", "a1", "A")) : Optional.empty();
        }

        @Override
        public List<Track> tracksWithFeatures(String afterId, int limit) {
            return List.copyOf(tracks.values());
        }

        @Override
        public List<String> genres() {
            return List.of("rock");
        }

        @Override
        public boolean updateAudioFeatures(String trackId, org.audotics.catalog.api.AudioFeatures features) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long revision() {
            return 1;
        }
    }

}
