package org.audotics.recommendation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.audotics.recommendation.api.Recommendations;
import org.osgi.service.component.annotations.Component;

/**
 * Who produced the tracks this node answered, per answering engine ({@link Recommendations#producers()}): the
 * engine's own ranking under its name, its fallbacks (another engine it asked, a part of its own) under theirs.
 * {@code GET /v1/recommender} reports the active engine's counts as {@code produced_tracks}. Node-local, since start.
 */
@Component(service = AnswerProducers.class)
public final class AnswerProducers {

    private final Map<String, Map<String, LongAdder>> byEngine = new ConcurrentHashMap<>();

    /** Adds one answer's tracks. */
    public void count(Recommendations answer) {
        Map<String, LongAdder> of = byEngine.computeIfAbsent(answer.engine().name(), e -> new ConcurrentHashMap<>());
        answer.producers().forEach((producer, tracks) -> of.computeIfAbsent(producer, p -> new LongAdder()).add(tracks));
    }

    /** The tracks each producer gave the engine's answers on this node, the engine's own first; empty before any. */
    public Map<String, Long> of(String engine) {
        Map<String, LongAdder> counts = byEngine.getOrDefault(engine, Map.of());
        Map<String, Long> out = new LinkedHashMap<>();
        if (counts.containsKey(engine)) {
            out.put(engine, counts.get(engine).sum());
        }
        new TreeMap<>(counts).forEach((producer, n) -> out.putIfAbsent(producer, n.sum()));
        return out;
    }
}
