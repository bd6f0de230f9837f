package org.audotics.recommender.hybrid.internal.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.audotics.cache.api.PubSub;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.metrics.api.Metrics;
import org.audotics.ml.api.LinearAlgebra;
import org.audotics.health.api.JobSource;
import org.audotics.health.api.JobStatus;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.Explanation;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.SimilarityRecommender;
import org.audotics.recommendation.api.TrainableRecommender;
import org.audotics.recommendation.api.TrainingJob;
import org.audotics.recommender.hybrid.internal.model.GramMatrix;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.audotics.recommender.hybrid.internal.model.TopK;
import org.audotics.recommender.hybrid.internal.store.ModelStore;
import org.audotics.storage.api.Database;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hybrid engine: a collaborative model (iALS factors + RP3β neighbours, {@link HybridModel}) trained from the
 * listening history, blended with a popularity term, and a content fallback for what the model cannot rank.
 *
 * <p><b>Models</b> are trained as jobs on one thread of this component (never on a request), on one node of the
 * cluster at a time, stored in the shared database and loaded by every node ({@link ModelLifecycle}: the lease, the
 * schedule, pub/sub announcements); the old model serves until the new one is swapped into a volatile field. A
 * training pages through {@link HistoryService#interactions} into arrays, measures the offline metrics on a holdout
 * ({@link HoldoutEvaluation}) and trains on everything; the Gram matrices go through the ml runtime's
 * {@link LinearAlgebra} when that service is there (optional, dynamic), plain Java otherwise. The engine is also the
 * {@link TrainableRecommender} that {@code GET /v1/recommender} and {@code POST /v1/recommender/training} use.
 *
 * <p><b>Seed requests</b> ({@link #recommend}): the seed tracks the model knows are ranked against the union of
 * their RP3β neighbour lists by {@link HybridModel#scoreForSeeds} (factor cosine + graph weight − popularity);
 * candidates outside a min/max bound or among the seeds are dropped; what is still missing (cold seeds, genre or
 * artist seeds, too few admitted neighbours) comes from the sound engine ({@value #SOUND_ENGINE}, the recommendation
 * bundle's built-in engine, kept current from catalog events), or from {@link ContentFallback}'s snapshot without it.
 * Without a model (before the first training, or while the history is empty) the sound engine answers the whole
 * request, so the hybrid engine can be the default from the first start. Scores are mapped to [0, 1] by
 * rank order within the answer. Until the first training and content snapshot exist it throws
 * {@link EngineNotReadyException}.
 *
 * <p><b>The listener</b> (recommendation-api 1.2's {@code context().caller()}): when one listener asks and the model
 * knows them, the candidates are a bounded pool ({@link PersonalCandidates}: the RP3β neighbours of their strongest
 * tracks, the seeds' neighbours, the popular tracks), never the whole catalog; each candidate's score is the mean of
 * its seed score and its personal score ({@link HybridModel#scoreForUser(int, int[])}, each min–max normalised over
 * the candidates), so two listeners with the same seeds get different lists. Exclusions,
 * bans, the artist cap and the already-heard policy are applied by the recommendation service after any engine
 * answers; the engine only skips what it is told to exclude. A group caller is served from the seeds: the service's
 * group aggregation asks once per member.
 */
@Component(service = {Recommender.class, TrainableRecommender.class, JobSource.class}, immediate = true, configurationPid = HybridConfig.PID,
        property = {
            JobSource.KIND + "=training",
            Recommender.NAME + "=" + HybridRecommender.NAME,
            Recommender.DESCRIPTION + "=Collaborative iALS + RP3β model from listening history, popularity-debiased, content fallback",
            Constants.SERVICE_RANKING + ":Integer=0"})
@Designate(ocd = HybridConfig.class)
public final class HybridRecommender implements SimilarityRecommender, TrainableRecommender, JobSource {

    static final String NAME = "hybrid";
    /** The engine asked about sound: the recommendation bundle's built-in one. */
    static final String SOUND_ENGINE = "feature-knn";
    /** The producer named for tracks of the engine's own {@link ContentFallback} snapshot (recommendation-api 1.5 source). */
    static final String CONTENT_SOURCE = "hybrid-content";
    private static final Logger LOG = LoggerFactory.getLogger(HybridRecommender.class);
    private static final int LOOKUP = 100;

    private final CatalogService catalog;
    private final HistoryService history;
    private final HybridConfig config;
    private final ModelLifecycle lifecycle;
    private final AtomicLong read = new AtomicLong();
    private volatile TrainedModel model;
    private volatile ContentFallback content;
    private volatile PersonalCandidates candidates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LinearAlgebra algebra;

    /**
     * The built-in sound engine (feature-knn, kept current from catalog events), for what the model cannot rank;
     * optional: without it the engine's own {@link ContentFallback} snapshot answers.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + Recommender.NAME + "=" + SOUND_ENGINE + ")")
    volatile Recommender sound;

    @Activate
    public HybridRecommender(@Reference CatalogService catalog, @Reference HistoryService history, @Reference Database database,
                             @Reference PubSub pubSub, HybridConfig config) {
        this.catalog = catalog;
        this.history = history;
        this.config = config;
        Clock clock = Clock.systemUTC();
        this.lifecycle = new ModelLifecycle(NAME, config, new ModelStore(database, ModelStore.CHUNK_BYTES, clock), pubSub, this::trainModel,
                () -> !history.interactions(0, 1).isEmpty(), this::refreshContent, trained -> model = trained, clock);
        lifecycle.start();
    }

    /** Training jobs' results and durations while a metrics bundle is there ({@link ModelLifecycle#reportTo}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(Metrics metrics) {
        lifecycle.reportTo(metrics);
    }

    void unbindMetrics(Metrics metrics) {
        lifecycle.stopReportingTo(metrics);
    }

    @Deactivate
    void deactivate() {
        lifecycle.close();
    }

    /** The model serving now, or null before the first training or load. */
    TrainedModel model() {
        return model;
    }

    private void refreshContent() {
        List<Track> tracks = new ArrayList<>();
        catalog.forEachTrackWithFeatures(tracks::add);
        content = new ContentFallback(tracks);
    }

    /** One training job's work (on the training thread). */
    private ModelTrainer.Result trainModel(ModelTrainer.Phases phases) throws java.io.IOException {
        LinearAlgebra facade = algebra;
        GramMatrix gram = facade == null ? GramMatrix.PLAIN : facade::gram;
        return new ModelTrainer(config, Clock.systemUTC()).trainMeasured(history, gram, phases, read::set);
    }

    /** Trains, stores and serves a model, waiting for it (tests; the server trains through jobs). */
    void train() throws Exception {
        lifecycle.start(ModelLifecycle.REQUEST);
        lifecycle.awaitTraining();
    }

    @Override
    public Optional<ModelInfo> modelInfo() {
        return lifecycle.modelInfo();
    }

    @Override
    public TrainingJob startTraining() {
        return lifecycle.start(ModelLifecycle.REQUEST);
    }

    @Override
    public Optional<TrainingJob> trainingJob(String id) {
        return lifecycle.job(id);
    }

    /** The training jobs for the operator's {@code audotics:jobs} (health-api 1.1 {@link JobSource}). */
    @Override
    public List<JobStatus> recentJobs(int limit) {
        return lifecycle.recentJobs(Math.max(1, Math.min(limit, 1000))).stream().map(job -> new JobStatus("training", job.id(),
                job.state().name().toLowerCase(java.util.Locale.ROOT), job.state().finished() ? 1 : job.progress(),
                job.trigger() + ", " + job.phase() + (job.modelVersion() == null ? "" : ", model " + job.modelVersion())
                        + (job.error() == null ? "" : ": " + job.error()), job.createdAt(), job.finishedAt())).toList();
    }

    @Override
    public List<ScoredTrack> recommend(RecommendationRequest request, int limit) {
        TrainedModel m = model;
        ContentFallback c = content;
        Recommender knn = sound;
        if (m == null && knn != null) {
            // no model yet (or no history): the sound engine answers as before, and every track says so
            return knn.recommend(request, limit).stream().map(t -> t.producedBy(SOUND_ENGINE)).toList();
        }
        if (m == null && c == null) {
            throw new EngineNotReadyException("hybrid: first training running, " + read.get() + " interactions read");
        }
        Set<String> seeds = Set.copyOf(request.seedTrackIds());
        List<Pick> chosen = new ArrayList<>(m == null ? List.of() : byModel(m, request, limit, seeds));
        int byModel = chosen.size();
        List<Pick> snapshot = List.of();
        List<ScoredTrack> bySound = List.of();
        if (chosen.size() < limit) {
            Set<String> skip = new HashSet<>();
            chosen.forEach(pick -> skip.add(pick.trackId()));
            skip.addAll(request.context().exclusions().trackIds());
            skip.addAll(request.context().exclusions().bannedTrackIds());
            if (m != null) {
                skip.addAll(rejected(m, listener(m, request)));
            }
            if (knn != null) {
                bySound = soundPart(knn, request, limit - chosen.size(), skip);
            } else if (c != null) {
                snapshot = c.recommend(request, limit - chosen.size(), skip);
            }
        }
        chosen.addAll(snapshot);
        Map<String, String> names = request.context().explain() ? namesOfBringers(chosen) : Map.of();
        int size = chosen.size() + bySound.size();
        List<ScoredTrack> out = new ArrayList<>(size);
        for (Pick pick : chosen) {
            double score = 1 - out.size() / (double) Math.max(1, size);
            // the model's picks are the engine's own; the content snapshot's are named as its fallback part
            String source = out.size() < byModel ? null : CONTENT_SOURCE;
            out.add(new ScoredTrack(pick.trackId(), score,
                    request.context().explain() ? HybridExplanations.of(pick, request, names) : Explanation.NONE, source));
        }
        for (ScoredTrack t : bySound) {
            out.add(new ScoredTrack(t.trackId(), 1 - out.size() / (double) Math.max(1, size), t.explanation(),
                    t.source() == null ? SOUND_ENGINE : t.source()));
        }
        return out;
    }

    /**
     * What the sound engine adds after the model's picks: its answer (kept current from catalog events, with its own
     * explanations), without the tracks already chosen or to be skipped. It is asked for enough to leave {@code wanted}.
     */
    private static List<ScoredTrack> soundPart(Recommender knn, RecommendationRequest request, int wanted, Set<String> skip) {
        List<ScoredTrack> out = new ArrayList<>();
        for (ScoredTrack t : knn.recommend(request, Math.min(RecommendationService.MAX_LIMIT, wanted + skip.size()))) {
            if (out.size() < wanted && !skip.contains(t.trackId())) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Tracks like one track: when the model knows it, its RP3β neighbours ranked by
     * {@code similar.co_listening.weight} × item–item similarity ({@link HybridModel#scoreForSeeds}, normalised over
     * the neighbours) + {@code similar.sound.weight} × audio-feature closeness; then, and for a track nobody played,
     * the nearest in sound (the feature-knn engine when it runs, else the content snapshot). Scores by rank.
     */
    @Override
    public List<ScoredTrack> similar(String trackId, RecommendationContext context, int limit) {
        TrainedModel m = model;
        ContentFallback c = content;
        Recommender knn = sound;
        if (m == null && c == null && knn == null) {
            throw new EngineNotReadyException("hybrid: first training running, " + read.get() + " interactions read");
        }
        Set<String> skip = new HashSet<>(context.exclusions().trackIds());
        skip.addAll(context.exclusions().bannedTrackIds());
        skip.add(trackId);
        List<ScoredTrack> chosen = new ArrayList<>();
        Integer item = m == null ? null : m.trackIndex().get(trackId);
        if (item != null) {
            chosen.addAll(coListened(m, c, item, trackId, context, limit, skip));
        }
        if (chosen.size() < limit) {
            chosen.forEach(t -> skip.add(t.trackId()));
            RecommendationRequest bySound = new RecommendationRequest(List.of(trackId), List.of(), List.of(), Map.of(), null,
                    context.withTaste(Map.of()));
            List<ScoredTrack> more = knn instanceof SimilarityRecommender similarity
                    ? similarity.similar(trackId, context.withTaste(Map.of()), Math.min(RecommendationService.MAX_LIMIT, limit + skip.size()))
                            .stream().map(t -> t.producedBy(SOUND_ENGINE)).toList()
                    : c == null ? List.of()
                    : c.recommend(bySound, limit - chosen.size(), skip).stream().map(pick -> new ScoredTrack(pick.trackId(), 0,
                            context.explain() ? HybridExplanations.ofSimilar(Double.NaN, pick.sound(), name(trackId)) : Explanation.NONE,
                            CONTENT_SOURCE))
                            .toList();
            for (ScoredTrack t : more) {
                if (chosen.size() < limit && !skip.contains(t.trackId())) {
                    chosen.add(t);
                    skip.add(t.trackId());
                }
            }
        }
        List<ScoredTrack> out = new ArrayList<>(chosen.size());
        for (int r = 0; r < chosen.size(); r++) {
            ScoredTrack t = chosen.get(r);
            out.add(new ScoredTrack(t.trackId(), 1 - r / (double) Math.max(1, chosen.size()), t.explanation(), t.source()));
        }
        return out;
    }

    private List<ScoredTrack> coListened(TrainedModel m, ContentFallback c, int item, String trackId, RecommendationContext context,
            int limit, Set<String> skip) {
        ItemNeighbours graph = m.model().graph();
        int[] candidates = new int[graph.end(item) - graph.start(item)];
        for (int n = 0; n < candidates.length; n++) {
            candidates[n] = graph.neighbourAt(graph.start(item) + n);
        }
        float[] co = normalised(m.model().scoreForSeeds(new int[] {item}, candidates));
        double coWeight = Math.max(0, config.similar_co__listening_weight());
        double soundWeight = Math.max(0, config.similar_sound_weight());
        double[] soundOf = new double[candidates.length];
        TopK top = new TopK(candidates.length);
        for (int n = 0; n < candidates.length; n++) {
            soundOf[n] = c == null ? Double.NaN : c.closeness(trackId, m.trackIds().get(candidates[n]));
            double s = coWeight * co[n] + (Double.isNaN(soundOf[n]) ? 0 : soundWeight * soundOf[n]);
            top.offer(n, (float) s);
        }
        int[] ranked = top.drain(null);
        String of = context.explain() ? name(trackId) : null;
        List<ScoredTrack> out = new ArrayList<>();
        for (int from = 0; from < ranked.length && out.size() < limit; from += CatalogService.MAX_LOOKUP_IDS) {
            List<Integer> page = new ArrayList<>();
            for (int r = from; r < Math.min(ranked.length, from + CatalogService.MAX_LOOKUP_IDS); r++) {
                if (!skip.contains(m.trackIds().get(candidates[ranked[r]]))) {
                    page.add(ranked[r]);
                }
            }
            Map<String, Track> tracks = catalog.tracks(page.stream().map(n -> m.trackIds().get(candidates[n])).toList());
            for (int n : page) {
                Track t = tracks.get(m.trackIds().get(candidates[n]));
                if (t != null && out.size() < limit
                        && !context.exclusions().excludes(t.id(), t.artists().stream().map(a -> a.id()).toList())) {
                    out.add(new ScoredTrack(t.id(), 0, of == null ? Explanation.NONE
                            : HybridExplanations.ofSimilar(co[n], soundOf[n], of)));
                }
            }
        }
        return out;
    }

    /** A track's name for an explanation, its id when the catalog no longer has it. */
    private String name(String trackId) {
        return catalog.track(trackId).map(Track::name).orElse(trackId);
    }

    /** The names of the listener's tracks that brought picks, for "because you play X". */
    private Map<String, String> namesOfBringers(List<Pick> picks) {
        List<String> ids = picks.stream().map(Pick::because).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> names = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += CatalogService.MAX_LOOKUP_IDS) {
            catalog.tracks(ids.subList(from, Math.min(ids.size(), from + CatalogService.MAX_LOOKUP_IDS)))
                    .forEach((id, track) -> names.put(id, track.name()));
        }
        return names;
    }

    /** Tracks ranked by item–item similarity to the seeds the model knows (and by the listener's own model scores when
     * one listener asks), within the bounds, best first. */
    private List<Pick> byModel(TrainedModel m, RecommendationRequest request, int limit, Set<String> seeds) {
        int[] known = request.seedTrackIds().stream().map(m.trackIndex()::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).toArray();
        Integer listener = listener(m, request);
        if (known.length == 0 && listener == null) {
            return List.of();
        }
        HybridModel model = m.model();
        Set<String> excluded = new HashSet<>(request.context().exclusions().trackIds());
        excluded.addAll(request.context().exclusions().bannedTrackIds());
        PersonalCandidates pools = candidates(m);
        PersonalCandidates.Pool pool = pools.gather(listener == null ? -1 : listener, known, m.interacted());
        int[] candidates = pool.items();
        float[] bySeed = normalised(known.length == 0 ? null : model.scoreForSeeds(known, candidates));
        float[] byTaste = normalised(listener == null ? null : model.scoreForUser(listener, candidates));
        float[] scores = blend(bySeed, byTaste);
        TopK top = new TopK(candidates.length);
        for (int c = 0; c < candidates.length; c++) {
            top.offer(c, scores[c]);
        }
        int[] ranked = top.drain(null);
        List<Pick> out = new ArrayList<>();
        for (int from = 0; from < ranked.length && out.size() < limit; from += LOOKUP) {
            List<Integer> positions = new ArrayList<>();
            for (int r = from; r < Math.min(ranked.length, from + LOOKUP); r++) {
                String id = m.trackIds().get(candidates[ranked[r]]);
                if (!seeds.contains(id) && !excluded.contains(id)) {
                    positions.add(ranked[r]);
                }
            }
            Map<String, Track> tracks = catalog.tracks(positions.stream().map(c -> m.trackIds().get(candidates[c])).toList());
            for (int c : positions) {
                Track t = tracks.get(m.trackIds().get(candidates[c]));
                if (t != null && request.admits(t) && out.size() < limit) {
                    int bringer = pool.because()[c];
                    out.add(new Pick(t, bySeed == null ? Double.NaN : bySeed[c], byTaste == null ? Double.NaN : byTaste[c],
                            pools.popularity(candidates[c]), Double.NaN, bringer < 0 ? null : m.trackIds().get(bringer)));
                }
            }
        }
        return out;
    }

    /** The model's row of the one listener asking, or null for nobody, a group, or a listener the model does not know. */
    private static Integer listener(TrainedModel m, RecommendationRequest request) {
        var caller = request.context().caller();
        return caller.isAnonymous() || caller.isGroup() ? null : m.userIndex().get(caller.userIds().get(0));
    }

    /** The tracks the listener's training history holds with a negative weight (skipped more than played, unliked, banned). */
    private static Set<String> rejected(TrainedModel m, Integer listener) {
        if (listener == null) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        SparseMatrix cells = m.interacted();
        for (int e = cells.start(listener); e < cells.end(listener); e++) {
            if (cells.valueAt(e) < 0) {
                out.add(m.trackIds().get(cells.columnAt(e)));
            }
        }
        return out;
    }

    /** The mean of the given normalised score lists (either may be null). */
    static float[] blend(float[] a, float[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] + b[i]) / 2;
        }
        return out;
    }

    /** Each score min–max normalised over the list; a non-finite score counts as the lowest. */
    static float[] normalised(float[] scores) {
        if (scores == null) {
            return null;
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float s : scores) {
            if (Float.isFinite(s)) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        float[] out = new float[scores.length];
        float span = max - min;
        for (int i = 0; i < scores.length; i++) {
            out[i] = !Float.isFinite(scores[i]) ? 0 : span > 0 ? (scores[i] - min) / span : 1;
        }
        return out;
    }

    /**
     * A listener's personal list from the model: the {@link PersonalCandidates} pool scored by
     * {@link HybridModel#scoreForUser(int, int[])}, the tracks the listener played, skipped or banned and {@code exclude}
     * left out. Empty for a listener the model does not know (no history at its training).
     */
    public List<ScoredTrack> forUser(String userId, int limit, Set<String> exclude) {
        TrainedModel m = model;
        Integer user = m == null ? null : m.userIndex().get(userId);
        return user == null ? List.of() : personal(m, user, limit, exclude);
    }

    private List<ScoredTrack> personal(TrainedModel m, int user, int limit, Set<String> exclude) {
        int[] pool = candidates(m).gather(user, new int[0], m.interacted()).items();
        float[] scores = m.model().scoreForUser(user, pool);
        TopK top = new TopK(limit);
        for (int c = 0; c < pool.length; c++) {
            if (!exclude.contains(m.trackIds().get(pool[c]))) {
                top.offer(pool[c], scores[c]);
            }
        }
        int[] ranked = top.drain(null);
        List<ScoredTrack> result = new ArrayList<>();
        for (int r = 0; r < ranked.length; r++) {
            result.add(new ScoredTrack(m.trackIds().get(ranked[r]), 1 - r / (double) Math.max(1, ranked.length)));
        }
        return result;
    }

    /** The candidate pools of the model serving now, made once per model. */
    private PersonalCandidates candidates(TrainedModel m) {
        PersonalCandidates current = candidates;
        if (current == null || current.model() != m.model()) {
            current = new PersonalCandidates(m.model());
            candidates = current;
        }
        return current;
    }

    /**
     * The model's scores of the given tracks for a listener (higher is better, unbounded; each signal normalised
     * over these candidates), NaN for a track the model does not know; all NaN for an unknown listener.
     */
    public double[] scoreForUser(String userId, List<String> candidateTrackIds) {
        TrainedModel m = model;
        double[] out = new double[candidateTrackIds.size()];
        java.util.Arrays.fill(out, Double.NaN);
        Integer user = m == null ? null : m.userIndex().get(userId);
        if (user == null) {
            return out;
        }
        List<Integer> at = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int c = 0; c < candidateTrackIds.size(); c++) {
            Integer j = m.trackIndex().get(candidateTrackIds.get(c));
            if (j != null) {
                at.add(c);
                index.add(j);
            }
        }
        float[] scores = m.model().scoreForUser(user, index.stream().mapToInt(Integer::intValue).toArray());
        for (int n = 0; n < scores.length; n++) {
            out[at.get(n)] = scores[n];
        }
        return out;
    }
}
