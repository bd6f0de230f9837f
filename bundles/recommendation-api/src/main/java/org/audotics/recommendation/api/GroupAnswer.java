package org.audotics.recommendation.api;

import java.util.List;
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
}
