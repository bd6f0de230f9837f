package org.audotics.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.audotics.metrics.api.Metrics;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.TrainableRecommender;
import org.audotics.recommendation.api.TrainingJob;
import org.junit.jupiter.api.Test;

class EngineGaugesTest {

    /** Gauges keyed "name engine", as the metrics bundle would keep them. */
    static final class GaugeBoard implements Metrics {
        final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

        @Override
        public void time(String name, long nanos, String... tags) {
        }

        @Override
        public void count(String name, double amount, String... tags) {
        }

        @Override
        public Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
            String key = name + " " + tags[1];
            gauges.put(key, value);
            return () -> gauges.remove(key);
        }

        double read(String key) {
            return gauges.get(key).getAsDouble();
        }
    }

    private static final Recommender NOTHING = (request, limit) -> List.of();

    private static TrainableRecommender serving(long version) {
        return new TrainableRecommender() {
            @Override
            public Optional<ModelInfo> modelInfo() {
                return Optional.of(new ModelInfo("hybrid", version, Instant.EPOCH, "test", 1, 1, 1, null));
            }

            @Override
            public TrainingJob startTraining() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<TrainingJob> trainingJob(String id) {
                return Optional.empty();
            }
        };
    }

    @Test
    void marksTheActiveEngineAndReportsTheModelVersionOfATrainableOne() {
        DefaultRecommendationService service = new DefaultRecommendationService(null);
        EngineGauges gauges = new EngineGauges(service);
        GaugeBoard board = new GaugeBoard();
        gauges.bindMetrics(board);
        gauges.bindEngine(NOTHING, Map.of(Recommender.NAME, "hybrid"));
        gauges.bindEngine(NOTHING, Map.of(Recommender.NAME, "feature-knn"));
        gauges.bindTrainable(serving(7), Map.of(Recommender.NAME, "hybrid"));

        assertEquals(0.0, board.read("audotics.recommender.engine hybrid"), "no engine active yet");
        service.use(new ActiveEngine(NOTHING, new EngineInfo("hybrid", null, "test", "1.0.0", 10)));
        assertEquals(1.0, board.read("audotics.recommender.engine hybrid"));
        assertEquals(0.0, board.read("audotics.recommender.engine feature-knn"));
        assertEquals(7.0, board.read("audotics.recommender.model.version hybrid"));

        service.use(new ActiveEngine(NOTHING, new EngineInfo("feature-knn", null, "test", "1.0.0", 0)));
        assertEquals(0.0, board.read("audotics.recommender.engine hybrid"));
        assertEquals(1.0, board.read("audotics.recommender.engine feature-knn"));

        gauges.unbindEngine(NOTHING, Map.of(Recommender.NAME, "feature-knn"));
        assertEquals(List.of("audotics.recommender.engine hybrid", "audotics.recommender.model.version hybrid"),
                board.gauges.keySet().stream().sorted().toList());
        gauges.unbindMetrics(board);
        assertTrue(board.gauges.isEmpty(), board.gauges.keySet().toString());
    }
}
