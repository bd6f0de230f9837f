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

    TrainedModel train(InteractionLog log, GramMatrix gram, long version) throws IOException {
        SparseMatrix strengths = log.strengths();
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
