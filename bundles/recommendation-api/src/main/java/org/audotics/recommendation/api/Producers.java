package org.audotics.recommendation.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Counts who produced an answer's tracks, for {@link Recommendations} and {@link GroupAnswer} (not API). */
final class Producers {

    private Producers() {
    }

    /** Tracks per producer in order of first appearance; a track with no source is the engine's own. */
    static <T> Map<String, Integer> of(List<T> tracks, Function<T, String> source, EngineInfo engine) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (T track : tracks) {
            String producer = source.apply(track);
            out.merge(producer == null ? engine.name() : producer, 1, Integer::sum);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The producers without the engine itself. */
    static Map<String, Integer> fallbacks(Map<String, Integer> producers, EngineInfo engine) {
        Map<String, Integer> out = new LinkedHashMap<>(producers);
        out.remove(engine.name());
        return Collections.unmodifiableMap(out);
    }
}
