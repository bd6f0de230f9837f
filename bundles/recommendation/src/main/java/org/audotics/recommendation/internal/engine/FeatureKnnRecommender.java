package org.audotics.recommendation.internal.engine;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogService;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.SimilarityRecommender;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The built-in engine: {@link NearestNeighbours} over an in-memory {@link FeatureIndex} of the catalog's
 * audio features. It ranks lowest ({@code service.ranking=-100}), so it answers only while no other engine is
 * registered, and it is always registered, so replacing an engine never leaves the service without one.
 *
 * <p>The index is kept by a {@link FeatureIndexer} on a thread this component owns (stopped on deactivation):
 * a request answers from the index there is and never waits for a build. Until the first index is built the
 * engine throws {@link EngineNotReadyException} (the REST layer answers 503 with {@code Retry-After}) and its
 * readiness check {@value #HEALTH_CHECK} is down, so a load balancer sends it no traffic. Every track change
 * event ({@link CatalogEvents#TRACK_CREATED}, {@link CatalogEvents#TRACK_UPDATED}, {@link CatalogEvents#TRACK_DELETED},
 * of this node or, re-posted by the catalog's bridge, of another) patches its tracks into the index within
 * {@link #COALESCING}, and its {@link CatalogEvents#REVISION} tells the indexer which writes it has seen; the
 * older events that name tracks ({@link CatalogEvents#TRACK_FEATURES_UPDATED}, {@link CatalogEvents#TRACKS_IMPORTED})
 * patch too. The catalog revision, checked every {@link #POLL}, is the safety net: a write whose events have not
 * come after {@link #GAP_GRACE} (lost across nodes, say) makes the indexer rebuild from the catalog.
 *
 * <p>At {@code knn.ann.min_tracks} (50 000) tracks and more, the base of the index gets an HNSW graph
 * ({@link BaseVectorIndex}), built on a second thread of this component after each full build or compaction; from
 * then on a request's base candidates come from the graph and are rescored exactly ({@link NearestNeighbours}).
 * Until it is ready, and below the threshold, the exact scan answers; during a compaction the old base's graph
 * answers. A built graph is kept under {@code ${karaf.data}/feature-graph} and loaded, not built, for a base with
 * the same tracks ({@link PersistedGraphs}). Its settings ({@link FeatureKnnConfig}) share the recommendation PID;
 * a change applies from the next base, without rebuilding the index.
 *
 * <p>Immediate, so the index is built at start and kept while another engine answers: a delayed component
 * would be deactivated, and its index dropped, when its last consumer let go of it during a swap.
 */
@Component(service = {Recommender.class, EventHandler.class, HealthCheck.class}, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + FeatureKnnRecommender.CATALOG_TOPICS,
        HealthCheck.NAME + "=" + FeatureKnnRecommender.HEALTH_CHECK,
        Recommender.NAME + "=" + FeatureKnnRecommender.NAME,
        Recommender.DESCRIPTION + "=Nearest neighbours over audio features, seeds and targets",
        Constants.SERVICE_RANKING + ":Integer=-100"}, configurationPid = FeatureKnnRecommender.PID)
public final class FeatureKnnRecommender implements SimilarityRecommender, EventHandler, HealthCheck {

    static final String NAME = "feature-knn";
    /** The recommendation bundle's PID: one file configures the bundle ({@link FeatureKnnConfig}, keys knn.ann.*). */
    static final String PID = "org.audotics.recommendation";
    static final String HEALTH_CHECK = "recommendation";
    /** Every topic the catalog posts; the handler uses those that name a track. */
    static final String CATALOG_TOPICS = "org/audotics/catalog/*";
    /** How often the catalog revision is compared (one small query); also the retry of a failed first build. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** How long change events are collected into one patch. */
    static final Duration COALESCING = Duration.ofMillis(100);
    /** How long a failed patch waits before it is retried. */
    static final Duration RETRY = Duration.ofSeconds(5);
    /** How long a catalog write may go without its events (in flight from another node) before a rebuild. */
    static final Duration GAP_GRACE = Duration.ofSeconds(3);
    private static final Set<String> TRACK_CHANGES = Set.of(CatalogEvents.TRACK_CREATED, CatalogEvents.TRACK_UPDATED,
            CatalogEvents.TRACK_DELETED);

    private final ScheduledThreadPoolExecutor executor;
    private final ThreadPoolExecutor graphExecutor;
    private final VectorIndexBuilder vectors;
    private final FeatureIndexer indexer;

    @Activate
    public FeatureKnnRecommender(@Reference CatalogService catalog, FeatureKnnConfig config) {
        this(catalog, POLL, COALESCING, GAP_GRACE, System::nanoTime, VectorIndexSettings.of(config));
    }

    /** For tests: other intervals and clock; a revision check rebuilds at once on any write it has no events of. */
    FeatureKnnRecommender(CatalogService catalog, Duration poll, Duration coalescing, LongSupplier clock) {
        this(catalog, poll, coalescing, Duration.ZERO, clock);
    }

    /** For tests: other intervals, gap grace and clock. */
    FeatureKnnRecommender(CatalogService catalog, Duration poll, Duration coalescing, Duration gapGrace, LongSupplier clock) {
        this(catalog, poll, coalescing, gapGrace, clock, VectorIndexSettings.DEFAULTS);
    }

    /** For tests: other intervals, gap grace, clock and graph settings. */
    FeatureKnnRecommender(CatalogService catalog, Duration poll, Duration coalescing, Duration gapGrace, LongSupplier clock,
            VectorIndexSettings settings) {
        this.executor = new ScheduledThreadPoolExecutor(1, daemon("audotics-feature-index"));
        executor.setRemoveOnCancelPolicy(true);
        // one graph build at a time (the newest base's): it takes one core for minutes at a million tracks
        this.graphExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemon("audotics-feature-graph"));
        this.vectors = new VectorIndexBuilder(graphExecutor, settings);
        this.indexer = new FeatureIndexer(catalog, executor, coalescing, RETRY, gapGrace, clock, vectors);
        indexer.start(poll);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** New graph settings apply from the next base; the index itself is kept (no reactivation). */
    @Modified
    void modified(FeatureKnnConfig config) {
        vectors.configure(VectorIndexSettings.of(config));
    }

    /** For tests: the indexer and the thread it runs on. */
    FeatureIndexer indexer() {
        return indexer;
    }

    ScheduledThreadPoolExecutor executor() {
        return executor;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        graphExecutor.shutdownNow();
    }

    @Override
    public List<ScoredTrack> recommend(RecommendationRequest request, int limit) {
        FeatureIndex index = indexer.current();
        if (index == null) {
            throw new EngineNotReadyException("feature-knn is " + indexer.status().detail());
        }
        return NearestNeighbours.recommend(index, request, limit);
    }

    /**
     * The nearest tracks in sound: a recommendation with the track as the only seed (explained by {@code sound}),
     * without the listener's taste, which would pull the answer towards what they play rather than this track.
     */
    @Override
    public List<ScoredTrack> similar(String trackId, RecommendationContext context, int limit) {
        return recommend(new RecommendationRequest(List.of(trackId), List.of(), List.of(), java.util.Map.of(), null,
                context.withTaste(java.util.Map.of())), limit);
    }

    @Override
    public void handleEvent(Event event) {
        if (TRACK_CHANGES.contains(event.getTopic())) {
            if (event.getProperty(CatalogEvents.IDS) instanceof String[] trackIds
                    && event.getProperty(CatalogEvents.REVISION) instanceof Long revision) {
                indexer.changed(List.of(trackIds), revision);
            }
            return;
        }
        if (event.getProperty(CatalogEvents.TRACK_ID) instanceof String trackId) {
            indexer.changed(trackId);
        }
        if (event.getProperty(CatalogEvents.TRACK_IDS) instanceof String[] trackIds) {
            for (String trackId : trackIds) {
                indexer.changed(trackId);
            }
        }
    }

    @Override
    public HealthStatus check() {
        return indexer.status();
    }
}
