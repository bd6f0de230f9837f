package org.audotics.recommendation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.metrics.api.Metrics;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.TrainableRecommender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Which engine serves, while a metrics bundle is there: {@code audotics_recommender_engine{engine=<name>}}, 1 for the
 * active engine and 0 for the other registered ones, and {@code audotics_recommender_model_version{engine=<name>}}
 * for each trainable engine, the version of the model it serves on this node (0 before its first). One series per
 * registered engine name (a handful), each read from memory at scrape time.
 */
@Component(service = EngineGauges.class, immediate = true)
public final class EngineGauges {

    static final String ENGINE = "audotics.recommender.engine";
    static final String MODEL_VERSION = "audotics.recommender.model.version";

    private final RecommendationService recommendations;
    private final Map<String, Recommender> engines = new ConcurrentHashMap<>();
    private final Map<String, TrainableRecommender> trainable = new ConcurrentHashMap<>();
    private Metrics sink;
    private List<Metrics.Gauge> gauges = List.of();

    @Activate
    public EngineGauges(@Reference RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMetrics(Metrics metrics) {
        sink = metrics;
        register();
    }

    synchronized void unbindMetrics(Metrics metrics) {
        if (sink == metrics) {
            sink = null;
            register();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindEngine(Recommender engine, Map<String, Object> properties) {
        if (properties.get(Recommender.NAME) instanceof String name) {
            engines.put(name, engine);
            register();
        }
    }

    synchronized void unbindEngine(Recommender engine, Map<String, Object> properties) {
        if (properties.get(Recommender.NAME) instanceof String name && engines.remove(name, engine)) {
            register();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindTrainable(TrainableRecommender engine, Map<String, Object> properties) {
        if (properties.get(Recommender.NAME) instanceof String name) {
            trainable.put(name, engine);
            register();
        }
    }

    synchronized void unbindTrainable(TrainableRecommender engine, Map<String, Object> properties) {
        if (properties.get(Recommender.NAME) instanceof String name && trainable.remove(name, engine)) {
            register();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        sink = null;
        register();
    }

    /** Replaces every series by those of the engines registered now (binds are rare: an engine installed or removed). */
    private void register() {
        gauges.forEach(Metrics.Gauge::close);
        List<Metrics.Gauge> next = new ArrayList<>();
        if (sink != null) {
            for (String name : engines.keySet()) {
                next.add(sink.gauge(ENGINE, "1 for the recommendation engine serving, 0 for the other registered ones",
                        () -> name.equals(activeName()) ? 1 : 0, "engine", name));
            }
            trainable.forEach((name, engine) -> next.add(sink.gauge(MODEL_VERSION, "The version of the model a trainable engine serves on this node",
                    () -> engine.modelInfo().map(model -> (double) model.version()).orElse(0.0), "engine", name)));
        }
        gauges = next;
    }

    private String activeName() {
        try {
            return Objects.requireNonNull(recommendations.activeEngine()).name();
        } catch (RuntimeException none) {
            return null; // no engine registered: every series reads 0
        }
    }
}
