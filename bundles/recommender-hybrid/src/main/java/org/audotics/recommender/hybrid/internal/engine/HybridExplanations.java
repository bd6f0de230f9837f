package org.audotics.recommender.hybrid.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Explanation;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * The hybrid engine's {@link Explanation} of a {@link Pick}: the score of each signal that took part
 * ({@code co_listening}, {@code taste}, {@code popularity}, {@code sound}, {@code target_<attribute>}) and sentences,
 * most telling first: "because you play X" (the listener's track whose RP3β neighbours brought it), "popular with
 * listeners like you" (a high personal model score: people whose history is like the listener's play it),
 * "played by listeners of your seed tracks", "close to your target energy" (within {@value #CLOSE} of the target on
 * the attribute's range), "sounds like your seed tracks". Stateless.
 */
final class HybridExplanations {

    /** A signal at least this high is worth a sentence. */
    static final double CLOSE = 0.9;
    /** A model signal at least this high (normalised over the candidates) is worth a sentence. */
    static final double STRONG = 0.5;
    /** Sound closeness ({@code 1 / (1 + distance)}) from which a track "sounds like" the seeds. */
    static final double SOUNDS_LIKE = 0.8;

    private HybridExplanations() {
    }

    /**
     * @param names catalog track id to name, for the listener's tracks named in "because you play"
     */
    static Explanation of(Pick pick, RecommendationRequest request, Map<String, String> names) {
        Map<String, Double> signals = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        if (pick.because() != null && names.containsKey(pick.because())) {
            reasons.add("because you play " + names.get(pick.because()));
        }
        put(signals, "co_listening", pick.coListening());
        put(signals, "taste", pick.taste());
        put(signals, "popularity", pick.popularity());
        put(signals, "sound", pick.sound());
        if (pick.taste() >= STRONG) {
            reasons.add("popular with listeners like you");
        }
        if (pick.coListening() >= STRONG) {
            reasons.add("played by listeners of your seed tracks");
        }
        for (AttributeBounds bounds : request.bounds().values()) {
            if (bounds.target() != null) {
                double closeness = closeness(bounds.attribute(), pick.track(), bounds.target());
                signals.put("target_" + bounds.attribute().parameter(), closeness);
                if (closeness >= CLOSE) {
                    reasons.add("close to your target " + bounds.attribute().parameter().replace('_', ' '));
                }
            }
        }
        if (pick.sound() >= SOUNDS_LIKE && !request.seedTrackIds().isEmpty()) {
            reasons.add("sounds like your seed tracks");
        }
        if (reasons.isEmpty()) {
            reasons.add(Double.isNaN(pick.sound()) ? "played together with what you asked for by other listeners" : "the nearest in sound to what you asked for");
        }
        return new Explanation(reasons, signals);
    }

    /**
     * A similar track's explanation: {@code co_listening} and {@code sound} as they went into its score.
     *
     * @param of the name of the track it is similar to
     */
    static Explanation ofSimilar(double coListening, double sound, String of) {
        Map<String, Double> signals = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        put(signals, "co_listening", coListening);
        put(signals, "sound", sound);
        if (coListening >= STRONG) {
            reasons.add("often played by the listeners of " + of);
        }
        if (sound >= SOUNDS_LIKE) {
            reasons.add("sounds like " + of);
        }
        if (reasons.isEmpty()) {
            reasons.add(Double.isNaN(coListening) ? "the nearest in sound to " + of : "played by some listeners of " + of);
        }
        return new Explanation(reasons, signals);
    }

    /**
     * 1 at the target, falling linearly with the distance over the attribute's range; labels (key, mode, time
     * signature) 1 when equal, else 0; duration relative to the target; 0 when the track has no value.
     */
    static double closeness(TunableAttribute attribute, Track track, double target) {
        double value = attribute.valueOf(track).orElse(Double.NaN);
        if (Double.isNaN(value)) {
            return 0;
        }
        double distance = switch (attribute) {
            case KEY, MODE, TIME_SIGNATURE -> Math.round(value) == Math.round(target) ? 0 : 1;
            case DURATION_MS -> Math.abs(value - target) / Math.max(1, target);
            default -> Math.abs(attribute.normalise(value) - attribute.normalise(target));
        };
        return clamp(1 - distance);
    }

    private static void put(Map<String, Double> signals, String name, double value) {
        if (!Double.isNaN(value)) {
            signals.put(name, clamp(value));
        }
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
