package org.audotics.recommendation.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.SimilarityRecommender;
import org.audotics.recommendation.api.UnknownSeedException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
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
 * <p>The engine's answer is checked before it is returned ({@link AnswerFilter}: bounds, seeds, duplicates, limit,
 * known tracks, and since recommendation-api 1.2 exclusions, bans, the artist cap and the already-heard policy):
 * a third-party engine, whatever API version it was built against, cannot break the response contract.
 *
 * <p>A request for one listener whose context carries no taste and no bans yet is personalised here from the
 * history service when one runs (optional and dynamic: without it requests are answered unpersonalised):
 * {@link ListenerTaste} gives the taste and the bans; a request without seeds is seeded with the listener's
 * heaviest tracks, so every engine receives at least one seed.
 *
 * <p>Similar tracks ({@link #similar}) go the same way, to the engine's {@link SimilarityRecommender} capability when
 * it has one, else to its {@code recommend} with the track as the only seed; the same filter applies.
 */
@Component(configurationPid = RecommendationConfig.PID)
@Designate(ocd = RecommendationConfig.class)
public final class DefaultRecommendationService implements RecommendationService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRecommendationService.class);

    private final CatalogService catalog;
    private volatile ActiveEngine active;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HistoryService history;

    /** Counts who produced the answered tracks, for {@code GET /v1/recommender}; optional (tests leave it out). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AnswerProducers producers;

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
        checkLimit(limit);
        checkSeedsExist(request);
        RecommendationRequest personal = personalised(request);
        return counted(onActiveEngine(engine -> answer(engine, personal, limit, engine.engine()::recommend)));
    }

    private Recommendations counted(Recommendations answer) {
        AnswerProducers counter = producers;
        if (counter != null) {
            counter.count(answer);
        }
        return answer;
    }

    @Override
    public Recommendations similar(String trackId, RecommendationContext context, String market, int limit) {
        checkLimit(limit);
        // the track as the only seed: the filter then never answers it, and an engine without the capability is
        // asked exactly that
        RecommendationRequest request = new RecommendationRequest(List.of(trackId), List.of(), List.of(), Map.of(), market, context);
        checkSeedsExist(request);
        RecommendationRequest personal = personalised(request);
        return counted(onActiveEngine(engine -> answer(engine, personal, limit, engine.engine() instanceof SimilarityRecommender similarity
                ? (r, asked) -> similarity.similar(trackId, r.context(), asked)
                : engine.engine()::recommend)));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Runs on the active engine; retried once on its successor when it fails while being replaced. */
    private Recommendations onActiveEngine(Function<ActiveEngine, Recommendations> call) {
        ActiveEngine engine = engineOrThrow();
        try {
            return call.apply(engine);
        } catch (RuntimeException | LinkageError failure) {
            ActiveEngine successor = active;
            if (successor == null || successor == engine) {
                throw failure;
            }
            LOG.info("Engine {} failed while being replaced ({}); retrying on {}", engine.info().name(),
                    failure.getClass().getSimpleName(), successor.info().name());
            return call.apply(successor);
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

    private Recommendations answer(ActiveEngine engine, RecommendationRequest request, int limit,
            BiFunction<RecommendationRequest, Integer, List<ScoredTrack>> ask) {
        // the filter may drop tracks an engine that ignores the context proposes: ask for as many as allowed
        int asked = AnswerFilter.narrows(request.context()) ? MAX_LIMIT : limit;
        List<ScoredTrack> proposed = ask.apply(request, asked);
        if (proposed == null || proposed.isEmpty()) {
            return new Recommendations(List.of(), engine.info());
        }
        // at most one lookup's worth of distinct ids, however long the engine's answer (asked is at most as many)
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (ScoredTrack scored : proposed) {
            if (scored != null && ids.size() < CatalogService.MAX_LOOKUP_IDS) {
                ids.add(scored.trackId());
            }
        }
        Map<String, Track> tracks = catalog.tracks(List.copyOf(ids));
        return new Recommendations(AnswerFilter.apply(proposed, tracks, request, limit), engine.info());
    }

    /** The request with the listener's taste and bans, and seeded with their taste when it has no seed. */
    private RecommendationRequest personalised(RecommendationRequest request) {
        RecommendationContext context = request.context();
        Caller caller = context.caller();
        HistoryService listeners = history;
        if (caller.userIds().size() == 1 && listeners != null && context.taste().isEmpty()
                && context.exclusions().bannedTrackIds().isEmpty()) {
            ListenerTaste taste = ListenerTaste.read(listeners, caller.userIds().get(0));
            context = context.withTaste(taste.tracks()).withExclusions(context.exclusions().withBans(taste.bans()));
            request = request.withContext(context);
        }
        if (request.hasNoSeed()) {
            List<String> seeds = context.taste().keySet().stream().limit(RecommendationRequest.MAX_SEEDS).toList();
            if (seeds.isEmpty()) {
                throw new NoSeedException();
            }
            request = request.withSeedTracks(seeds);
        }
        return request;
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
