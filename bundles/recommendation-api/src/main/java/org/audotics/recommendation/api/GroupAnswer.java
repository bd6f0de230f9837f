package org.audotics.recommendation.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer of {@link GroupRecommendations}.
 *
 * @param tracks   in the order the strategy chose, at most the limit asked for
 * @param strategy the strategy applied
 * @param engine   the engine that proposed the candidates
 * @since 1.2
 */
public record GroupAnswer(List<GroupRecommendation> tracks, GroupStrategy strategy, EngineInfo engine) {

    public GroupAnswer {
        tracks = List.copyOf(tracks);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(engine, "engine");
    }

    /**
     * Who proposed the tracks: the number of tracks of each producer, the engine's own under its
     * {@link EngineInfo#name()} and each {@link GroupRecommendation#source()} under its own name, in order of first
     * appearance (as {@link Recommendations#producers()}).
     *
     * @since 1.6
     */
    public Map<String, Integer> producers() {
        return Producers.of(tracks, GroupRecommendation::source, engine);
    }

    /**
     * The producers other than the engine itself: empty when its own ranking proposed every track.
     *
     * @since 1.6
     */
    public Map<String, Integer> fallbacks() {
        return Producers.fallbacks(producers(), engine);
    }
}
