package org.audotics.recommendation.api;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;

/**
 * A track attribute a request can constrain with {@code min_}, {@code max_} and {@code target_}
 * parameters, with the range Spotify documents for it. The parameter suffix is {@link #parameter()},
 * e.g. {@code target_energy}.
 */
public enum TunableAttribute {
    ACOUSTICNESS("acousticness", 0, 1, false),
    DANCEABILITY("danceability", 0, 1, false),
    DURATION_MS("duration_ms", 0, 86_400_000, true),
    ENERGY("energy", 0, 1, false),
    INSTRUMENTALNESS("instrumentalness", 0, 1, false),
    KEY("key", -1, 11, true),
    LIVENESS("liveness", 0, 1, false),
    LOUDNESS("loudness", -60, 5, false),
    MODE("mode", 0, 1, true),
    POPULARITY("popularity", 0, 100, true),
    SPEECHINESS("speechiness", 0, 1, false),
    TEMPO("tempo", 0, 300, false),
    TIME_SIGNATURE("time_signature", 0, 7, true),
    VALENCE("valence", 0, 1, false);

    private final String parameter;
    private final double min;
    private final double max;
    private final boolean integral;

    TunableAttribute(String parameter, double min, double max, boolean integral) {
        this.parameter = parameter;
        this.min = min;
        this.max = max;
        this.integral = integral;
    }

    /** The name used in query parameters and JSON, e.g. {@code "time_signature"}. */
    public String parameter() {
        return parameter;
    }

    /** Smallest valid value, inclusive. */
    public double min() {
        return min;
    }

    /** Largest valid value, inclusive. */
    public double max() {
        return max;
    }

    /** True when only whole numbers are valid (key, mode, popularity, ...). */
    public boolean integral() {
        return integral;
    }

    /** Where {@code value} lies in this attribute's range, scaled to 0..1. */
    public double normalise(double value) {
        return (value - min) / (max - min);
    }

    /**
     * This attribute's value for a track.
     *
     * @return the value, or empty when it is an audio feature and the track has none
     */
    public Optional<Double> valueOf(Track track) {
        switch (this) {
            case DURATION_MS:
                return Optional.of((double) track.durationMs());
            case POPULARITY:
                return Optional.of((double) track.popularity());
            default:
                AudioFeatures features = track.audioFeatures();
                return features == null ? Optional.empty() : Optional.of(featureReader().applyAsDouble(features));
        }
    }

    private ToDoubleFunction<AudioFeatures> featureReader() {
        switch (this) {
            case ACOUSTICNESS: return AudioFeatures::acousticness;
            case DANCEABILITY: return AudioFeatures::danceability;
            case ENERGY: return AudioFeatures::energy;
            case INSTRUMENTALNESS: return AudioFeatures::instrumentalness;
            case KEY: return AudioFeatures::key;
            case LIVENESS: return AudioFeatures::liveness;
            case LOUDNESS: return AudioFeatures::loudness;
            case MODE: return AudioFeatures::mode;
            case SPEECHINESS: return AudioFeatures::speechiness;
            case TEMPO: return AudioFeatures::tempo;
            case TIME_SIGNATURE: return AudioFeatures::timeSignature;
            case VALENCE: return AudioFeatures::valence;
            default: throw new IllegalStateException(this + " is not an audio feature");
        }
    }
}
