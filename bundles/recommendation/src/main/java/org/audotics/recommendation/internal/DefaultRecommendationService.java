package org.audotics.recommendation.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.UnknownSeedException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves recommendations through the active {@link Recommender}: the highest-ranked one, or the one
 * {@code recommender.target} selects. The reference is dynamic and greedy, so a new engine takes over the
 * next request and a departing one is replaced without a restart. Each request reads the engine once; if
 * that engine fails while it is being replaced, the request is retried once on its successor.
 *
 * <p>The engine's answer is checked before it is returned (bounds, seeds, duplicates, limit, known tracks):
 * a third-party engine cannot break the response contract.
 */
@Component(configurationPid = RecommendationConfig.PID)
@Designate(ocd = RecommendationConfig.class)
public final class DefaultRecommendationService implements RecommendationService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRecommendationService.class);

    private final CatalogService catalog;
    private volatile ActiveEngine active;

    @Activate
    public DefaultRecommendationService(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Modified
    void modified() {
        // recommender.target is applied by DS to the reference; nothing else to reconfigure
    }

    @Reference(name = "recommender", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindRecommender(Recommender engine, ServiceReference<Recommender> reference) {
        ActiveEngine next = ActiveEngine.of(engine, reference);
        active = next;
        LOG.info("Recommendation engine now: {} from {} {}", next.info().name(), next.info().bundle(), next.info().bundleVersion());
    }

    void updatedRecommender(Recommender engine, ServiceReference<Recommender> reference) {
        bindRecommender(engine, reference);
    }

    void unbindRecommender(Recommender engine) {
        ActiveEngine current = active;
        if (current != null && current.engine() == engine) {
            active = null;
        }
    }

    /** For tests: the engine a bound reference would give. */
    void use(ActiveEngine engine) {
        active = engine;
    }

    @Override
    public Recommendations recommend(RecommendationRequest request, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        checkSeedsExist(request);
        ActiveEngine engine = engineOrThrow();
        try {
            return answer(engine, request, limit);
        } catch (RuntimeException | LinkageError failure) {
            ActiveEngine successor = active;
            if (successor == null || successor == engine) {
                throw failure;
            }
            LOG.info("Engine {} failed while being replaced ({}); retrying on {}", engine.info().name(),
                    failure.getClass().getSimpleName(), successor.info().name());
            return answer(successor, request, limit);
        }
    }

    @Override
    public EngineInfo activeEngine() {
        return engineOrThrow().info();
    }

    private ActiveEngine engineOrThrow() {
        ActiveEngine engine = active;
        if (engine == null) {
            throw new NoEngineException();
        }
        return engine;
    }

    private Recommendations answer(ActiveEngine engine, RecommendationRequest request, int limit) {
        List<ScoredTrack> proposed = engine.engine().recommend(request, limit);
        return new Recommendations(checked(proposed, request, limit), engine.info());
    }

    /** Keeps what the engine may return: known tracks within bounds, no seeds, each once, best first, at most limit. */
    private List<Recommendation> checked(List<ScoredTrack> proposed, RecommendationRequest request, int limit) {
        if (proposed == null || proposed.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>(request.seedTrackIds());
        List<ScoredTrack> unique = proposed.stream().filter(track -> track != null && seen.add(track.trackId()))
                .limit(limit).toList();
        Map<String, Track> tracks = catalog.tracks(unique.stream().map(ScoredTrack::trackId).toList());
        return unique.stream()
                .filter(scored -> tracks.containsKey(scored.trackId()) && request.admits(tracks.get(scored.trackId())))
                .map(scored -> new Recommendation(tracks.get(scored.trackId()), scored.score()))
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .toList();
    }

    private void checkSeedsExist(RecommendationRequest request) {
        if (!request.seedTrackIds().isEmpty()) {
            Map<String, Track> found = catalog.tracks(request.seedTrackIds());
            request.seedTrackIds().stream().filter(id -> !found.containsKey(id)).findFirst()
                    .ifPresent(id -> fail("seed_tracks", id));
        }
        for (String artist : request.seedArtistIds()) {
            if (catalog.artist(artist).isEmpty()) {
                fail("seed_artists", artist);
            }
        }
        if (!request.seedGenres().isEmpty()) {
            List<String> known = catalog.genres();
            request.seedGenres().stream().filter(genre -> !known.contains(genre)).findFirst()
                    .ifPresent(genre -> fail("seed_genres", genre));
        }
    }

    private static void fail(String parameter, String seed) {
        throw new UnknownSeedException(parameter, seed);
    }
}
