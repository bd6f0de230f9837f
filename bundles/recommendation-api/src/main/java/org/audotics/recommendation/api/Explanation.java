package org.audotics.recommendation.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a track was recommended: sentences for people and the score of each signal that went into the track's
 * score. An engine fills it when {@link RecommendationContext#explain()} is set; otherwise (and for engines
 * built against 1.0) it is {@link #NONE}.
 *
 * @param reasons short sentences, most important first, e.g. {@code "close to your target energy"},
 *                {@code "because you play Blue in Green"}; never null, possibly empty
 * @param signals the score of each signal, keyed by a short snake_case name of the engine's choosing (the built-in
 *                engine: {@code sound}, {@code taste}, {@code seed_affinity}, {@code familiarity},
 *                {@code target_<attribute>}), each in [0, 1], in the engine's order
 * @throws IllegalArgumentException when a reason is blank or a signal is outside [0, 1]
 * @since 1.2
 */
public record Explanation(List<String> reasons, Map<String, Double> signals) {

    /** Nothing explained. */
    public static final Explanation NONE = new Explanation(List.of(), Map.of());

    public Explanation {
        reasons = List.copyOf(reasons);
        for (String reason : reasons) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a reason must not be blank");
            }
        }
        Objects.requireNonNull(signals, "signals");
        Map<String, Double> copy = new LinkedHashMap<>();
        signals.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null || !(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("signal " + name + " must be named and between 0 and 1, was " + value);
            }
            copy.put(name, value);
        });
        signals = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when there is neither a reason nor a signal. */
    public boolean isEmpty() {
        return reasons.isEmpty() && signals.isEmpty();
    }
}
