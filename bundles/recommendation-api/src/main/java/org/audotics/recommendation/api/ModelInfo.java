package org.audotics.recommendation.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The trained model an engine serves.
 *
 * @param engine       the engine's {@link Recommender#NAME}
 * @param version      the model version, 1, 2, ... in training order across the cluster
 * @param trainedAt    when its training finished
 * @param source       {@code "trained"} from this server's history, or {@code "imported"} (factors trained elsewhere)
 * @param users        listeners the model knows, at least 0
 * @param tracks       tracks the model knows, at least 0
 * @param interactions history events it was trained on, at least 0
 * @param metrics      offline metrics measured at training, or null when none were measured
 * @since 1.4
 */
public record ModelInfo(String engine, long version, Instant trainedAt, String source, long users, long tracks, long interactions,
                        ModelMetrics metrics) {

    public ModelInfo {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(source, "source");
        if (users < 0 || tracks < 0 || interactions < 0) {
            throw new IllegalArgumentException("model sizes must be at least 0");
        }
    }
}
