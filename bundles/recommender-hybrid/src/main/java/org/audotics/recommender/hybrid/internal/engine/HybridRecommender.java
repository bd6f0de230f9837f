package org.audotics.recommender.hybrid.internal.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.audotics.cache.api.PubSub;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.ml.api.LinearAlgebra;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
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
 * artist seeds, too few admitted neighbours) comes from {@link ContentFallback}. Scores are mapped to [0, 1] by
 * rank order within the answer. Until the first training and content snapshot exist it throws
 * {@link EngineNotReadyException}.
 *
 * <p><b>The listener</b> (recommendation-api 1.2's {@code context().caller()}): when one listener asks and the model
 * knows them, their own top {@value #PERSONAL_POOL} tracks ({@link HybridModel#scoreForUser}) join the seeds'
 * neighbours as candidates, and each candidate's score is the mean of its seed score and its personal score (each
 * min–max normalised over the candidates), so two listeners with the same seeds get different lists. Exclusions,
 * bans, the artist cap and the already-heard policy are applied by the recommendation service after any engine
 * answers; the engine only skips what it is told to exclude. A group caller is served from the seeds: the service's
 * group aggregation asks once per member.
 */
@Component(service = {Recommender.class, TrainableRecommender.class}, immediate = true, configurationPid = HybridConfig.PID,
        property = {
            Recommender.NAME + "=" + HybridRecommender.NAME,
            Recommender.DESCRIPTION + "=Collaborative iALS + RP3β model from listening history, popularity-debiased, content fallback",
            Constants.SERVICE_RANKING + ":Integer=0"})
@Designate(ocd = HybridConfig.class)
public final class HybridRecommender implements Recommender, TrainableRecommender {

    static final String NAME = "hybrid";
    private static final Logger LOG = LoggerFactory.getLogger(HybridRecommender.class);
    private static final int LOOKUP = 100;
    /** A listener's own best tracks added to the candidates of a personal request. */
    static final int PERSONAL_POOL = 300;

    private final CatalogService catalog;
    private final HistoryService history;
    private final HybridConfig config;
    private final ModelLifecycle lifecycle;
    private final AtomicLong read = new AtomicLong();
    private volatile TrainedModel model;
    private volatile ContentFallback content;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LinearAlgebra algebra;

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

    @Override
    public List<ScoredTrack> recommend(RecommendationRequest request, int limit) {
        TrainedModel m = model;
        ContentFallback c = content;
        if (m == null && c == null) {
            throw new EngineNotReadyException("hybrid: first training running, " + read.get() + " interactions read");
        }
        Set<String> seeds = Set.copyOf(request.seedTrackIds());
        List<String> chosen = new ArrayList<>(m == null ? List.of() : bySeeds(m, request, limit, seeds));
        if (chosen.size() < limit && c != null) {
            Set<String> skip = new HashSet<>(chosen);
            skip.addAll(request.context().exclusions().trackIds());
            skip.addAll(request.context().exclusions().bannedTrackIds());
            if (m != null) {
                skip.addAll(rejected(m, listener(m, request)));
            }
            for (ScoredTrack t : c.recommend(request, limit - chosen.size(), skip)) {
                chosen.add(t.trackId());
            }
        }
        List<ScoredTrack> out = new ArrayList<>(chosen.size());
        for (int r = 0; r < chosen.size(); r++) {
            out.add(new ScoredTrack(chosen.get(r), 1 - r / (double) Math.max(1, chosen.size())));
        }
        return out;
    }

    /** Tracks ranked by item–item similarity to the seeds the model knows (and by the listener's own model scores when
     * one listener asks), within the bounds, best first. */
    private List<String> bySeeds(TrainedModel m, RecommendationRequest request, int limit, Set<String> seeds) {
        int[] known = request.seedTrackIds().stream().map(m.trackIndex()::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).toArray();
        Integer listener = listener(m, request);
        if (known.length == 0 && listener == null) {
            return List.of();
        }
        HybridModel model = m.model();
        ItemNeighbours graph = model.graph();
        Set<Integer> pool = new LinkedHashSet<>();
        for (int seed : known) {
            for (int n = graph.start(seed); n < graph.end(seed); n++) {
                pool.add(graph.neighbourAt(n));
            }
        }
        Set<String> excluded = new HashSet<>(request.context().exclusions().trackIds());
        excluded.addAll(request.context().exclusions().bannedTrackIds());
        if (listener != null) {
            for (ScoredTrack own : personal(m, listener, PERSONAL_POOL, excluded)) {
                pool.add(m.trackIndex().get(own.trackId()));
            }
        }
        int[] candidates = pool.stream().mapToInt(Integer::intValue).toArray();
        float[] scores = blend(known.length == 0 ? null : model.scoreForSeeds(known, candidates),
                listener == null ? null : model.scoreForUser(listener, candidates));
        TopK top = new TopK(candidates.length);
        for (int c = 0; c < candidates.length; c++) {
            top.offer(candidates[c], scores[c]);
        }
        int[] ranked = top.drain(null);
        List<String> out = new ArrayList<>();
        for (int from = 0; from < ranked.length && out.size() < limit; from += LOOKUP) {
            List<String> ids = new ArrayList<>();
            for (int r = from; r < Math.min(ranked.length, from + LOOKUP); r++) {
                String id = m.trackIds().get(ranked[r]);
                if (!seeds.contains(id) && !excluded.contains(id)) {
                    ids.add(id);
                }
            }
            Map<String, Track> tracks = catalog.tracks(ids);
            for (String id : ids) {
                Track t = tracks.get(id);
                if (t != null && request.admits(t) && out.size() < limit) {
                    out.add(id);
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

    /** The mean of the given score lists (either may be null), each min–max normalised first. */
    static float[] blend(float[] seedScores, float[] personalScores) {
        float[] a = normalised(seedScores);
        float[] b = normalised(personalScores);
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

    private static float[] normalised(float[] scores) {
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
     * A listener's personal list from the model: every track scored by {@link HybridModel#scoreForUser}, the
     * tracks the listener played, skipped or banned and {@code exclude} left out. Empty for a listener the model does not know
     * (no history at its training). A full scan (k multiply-adds per track): ~0.1 s per call at a million tracks;
     * the candidate form {@link #scoreForUser} is the fast path.
     */
    public List<ScoredTrack> forUser(String userId, int limit, Set<String> exclude) {
        TrainedModel m = model;
        Integer user = m == null ? null : m.userIndex().get(userId);
        return user == null ? List.of() : personal(m, user, limit, exclude);
    }

    private static List<ScoredTrack> personal(TrainedModel m, int user, int limit, Set<String> exclude) {
        HybridModel hm = m.model();
        float[] out = new float[hm.items()];
        hm.scoreForUser(user, out, new float[hm.items()]);
        SparseMatrix heard = m.interacted();
        for (int e = heard.start(user); e < heard.end(user); e++) {
            out[heard.columnAt(e)] = Float.NEGATIVE_INFINITY;   // played, skipped or banned: never offered again
        }
        TopK top = new TopK(limit);
        for (int j = 0; j < out.length; j++) {
            if (out[j] != Float.NEGATIVE_INFINITY && !exclude.contains(m.trackIds().get(j))) {
                top.offer(j, out[j]);
            }
        }
        int[] ranked = top.drain(null);
        List<ScoredTrack> result = new ArrayList<>();
        for (int r = 0; r < ranked.length; r++) {
            result.add(new ScoredTrack(m.trackIds().get(ranked[r]), 1 - r / (double) Math.max(1, ranked.length)));
        }
        return result;
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
