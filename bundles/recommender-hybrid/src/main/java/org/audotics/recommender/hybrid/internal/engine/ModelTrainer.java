package org.audotics.recommender.hybrid.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongConsumer;
import org.audotics.history.api.HistoryService;
import org.audotics.recommendation.api.ModelMetrics;
import org.audotics.recommender.hybrid.internal.model.AlsParameters;
import org.audotics.recommender.hybrid.internal.model.Blend;
import org.audotics.recommender.hybrid.internal.model.Confidence;
import org.audotics.recommender.hybrid.internal.model.FactorFiles;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.audotics.recommender.hybrid.internal.model.GramMatrix;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ImplicitAls;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.Rp3Beta;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.audotics.recommender.hybrid.internal.store.ModelHeader;

/** Reads the history and trains one {@link TrainedModel}; runs on the engine's training thread, never on a request. */
final class ModelTrainer {

    private final HybridConfig config;
    private final Clock clock;

    ModelTrainer(HybridConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @return the model, or null when the history is empty */
    TrainedModel train(HistoryService history, GramMatrix gram, long version, LongConsumer progress) throws IOException {
        InteractionLog log = InteractionLog.read(history, config.training_page_size(), progress);
        if (log.size() == 0) {
            return null;
        }
        return train(log, gram, version);
    }

    /** A model to store, with how it was made and how well it ranked on a holdout (null when not measured). */
    record Result(TrainedModel model, String source, ModelMetrics metrics) {
    }

    /** The phases of a training job, as {@link ModelLifecycle} reports them. */
    interface Phases {
        void enter(String phase, double progress);
    }

    /**
     * One training job's work: the history read, the holdout evaluation (when {@code evaluation.holdout.share} is
     * above 0 and the factors are trained here), the model trained on everything.
     *
     * @return the result, or null when the history is empty
     */
    Result trainMeasured(HistoryService history, GramMatrix gram, Phases phases, LongConsumer read) throws IOException {
        phases.enter("reading history", 0.05);
        InteractionLog log = InteractionLog.read(history, config.training_page_size(), read);
        if (log.size() == 0) {
            return null;
        }
        boolean imported = !config.factors_import().isBlank();
        ModelMetrics metrics = null;
        if (!imported && config.evaluation_holdout_share() > 0) {
            phases.enter("evaluating on a holdout", 0.2);
            metrics = HoldoutEvaluation.measure(log, this, gram, config.evaluation_holdout_share(), config.evaluation_max_users());
        }
        phases.enter(imported ? "placing imported factors" : "training", 0.5);
        TrainedModel model = train(log, gram, 0);
        return new Result(model, imported ? ModelHeader.IMPORTED : ModelHeader.TRAINED, metrics);
    }

    TrainedModel train(InteractionLog log, GramMatrix gram, long version) throws IOException {
        return train(log.strengths(), log, gram, version);
    }

    /**
     * Trains on {@code strengths} (users × tracks on the log's indexes; the holdout evaluation passes the log's own
     * matrix minus its held-out cells).
     */
    TrainedModel train(SparseMatrix strengths, InteractionLog log, GramMatrix gram, long version) throws IOException {
        Confidence confidence = new Confidence(config.confidence_alpha(), config.confidence_epsilon());
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, config.training_threads()));
        try {
            Factors factors = config.factors_import().isBlank()
                    ? ImplicitAls.train(strengths.mapValues(confidence::of), alsParameters(), gram, pool)
                    : imported(Path.of(config.factors_import()), log);
            SparseMatrix walk = strengths.mapValues(s -> confidence.graphStrength(s, config.rp3_log_scaled()));
            ItemNeighbours graph = Rp3Beta.train(walk, config.rp3_alpha(), config.rp3_beta(), config.rp3_neighbours(),
                    config.rp3_max_walk_items(), pool);
            SparseMatrix positive = walk.positive();
            SparseMatrix byTrack = positive.transpose();
            int[] listeners = new int[strengths.columns()];
            for (int j = 0; j < listeners.length; j++) {
                listeners[j] = byTrack.rowLength(j);
            }
            Blend blend = new Blend(config.blend_factor_weight(), config.blend_graph_weight(), config.blend_popularity_penalty(),
                    config.blend_factor_popularity_exponent());
            HybridModel model = new HybridModel(factors, graph, positive, listeners, blend);
            return new TrainedModel(model, strengths, List.copyOf(log.userIds), Map.copyOf(log.userIndex), List.copyOf(log.trackIds),
                    Map.copyOf(log.trackIndex), clock.instant(), log.size(), version);
        } finally {
            pool.shutdownNow();
        }
    }

    AlsParameters alsParameters() {
        return new AlsParameters(config.als_factors(), config.als_regularization(), config.als_unobserved_weight(),
                config.als_frequency_exponent(), config.als_epochs(), config.als_cg_steps(), 0.1, 7);
    }

    /**
     * Factors trained elsewhere, placed on this history's indexes: users and tracks the files do not name get
     * zero vectors (they score 0 on the factor part and are served by the graph and content).
     */
    static Factors imported(Path dir, InteractionLog log) throws IOException {
        FactorFiles.FactorSet users = FactorFiles.read(dir.resolve("userFactors"));
        FactorFiles.FactorSet items = FactorFiles.read(dir.resolve("itemFactors"));
        if (users.k() != items.k()) {
            throw new IOException("user factors have " + users.k() + " dimensions, item factors " + items.k());
        }
        int k = users.k();
        return new Factors(k, log.userIds.size(), log.trackIds.size(), place(users, log.userIndex, log.userIds.size(), k),
                place(items, log.trackIndex, log.trackIds.size(), k));
    }

    private static float[] place(FactorFiles.FactorSet set, Map<String, Integer> index, int rows, int k) {
        float[] out = new float[rows * k];
        Map<String, Integer> position = new HashMap<>();
        for (int r = 0; r < set.ids().size(); r++) {
            position.put(set.ids().get(r), r);
        }
        index.forEach((id, row) -> {
            Integer at = position.get(id);
            if (at != null) {
                System.arraycopy(set.vectors(), at * k, out, row * k, k);
            }
        });
        return out;
    }
}
