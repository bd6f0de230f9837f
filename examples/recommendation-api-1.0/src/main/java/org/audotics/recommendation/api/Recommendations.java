package org.audotics.recommendation.api;

import java.util.List;
import java.util.Objects;

/**
 * An answer from {@link RecommendationService}.
 *
 * @param tracks the recommended tracks with their catalog records, best first
 * @param engine the engine that produced them
 */
public record Recommendations(List<Recommendation> tracks, EngineInfo engine) {

    public Recommendations {
        tracks = List.copyOf(tracks);
        Objects.requireNonNull(engine, "engine");
    }
}
