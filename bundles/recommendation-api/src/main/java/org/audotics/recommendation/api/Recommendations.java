package org.audotics.recommendation.api;

import java.util.List;
import java.util.Map;
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

    /**
     * Who produced the tracks: the number of tracks of each producer, the answering engine's own ones under its
     * {@link EngineInfo#name()} and each {@link Recommendation#source()} under its own name, in order of first
     * appearance.
     *
     * @since 1.5
     */
    public Map<String, Integer> producers() {
        return Producers.of(tracks, Recommendation::source, engine);
    }

    /**
     * The producers other than the answering engine itself ({@link #producers()} without its name): empty when the
     * engine's own ranking produced every track.
     *
     * @since 1.5
     */
    public Map<String, Integer> fallbacks() {
        return Producers.fallbacks(producers(), engine);
    }
}
