package org.audotics.recommendation.internal.engine;

import java.util.List;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * The audio features that describe how a track sounds, each scaled to 0..1, so distances between tracks
 * weigh every feature alike. Key, mode and time signature are labels, not positions on a scale, and
 * take part only when a request targets them.
 */
public final class FeatureSpace {

    /** The dimensions, in vector order. */
    static final List<TunableAttribute> DIMENSIONS = List.of(
            TunableAttribute.ACOUSTICNESS, TunableAttribute.DANCEABILITY, TunableAttribute.ENERGY,
            TunableAttribute.INSTRUMENTALNESS, TunableAttribute.LIVENESS, TunableAttribute.LOUDNESS,
            TunableAttribute.SPEECHINESS, TunableAttribute.TEMPO, TunableAttribute.VALENCE);

    /** Tempo above this counts as this: almost no music is faster, and it keeps the scale useful. */
    static final double TEMPO_CEILING = 220;
    /** Loudness below this counts as this, for the same reason. */
    static final double LOUDNESS_FLOOR = -40;

    private FeatureSpace() {
    }

    public static double[] vector(AudioFeatures features) {
        return new double[] {
            features.acousticness(), features.danceability(), features.energy(), features.instrumentalness(),
            features.liveness(), scale(TunableAttribute.LOUDNESS, features.loudness()), features.speechiness(),
            scale(TunableAttribute.TEMPO, features.tempo()), features.valence()};
    }

    /** A value of a vector dimension scaled to 0..1. */
    static double scale(TunableAttribute attribute, double value) {
        return switch (attribute) {
            case TEMPO -> Math.min(value, TEMPO_CEILING) / TEMPO_CEILING;
            case LOUDNESS -> (Math.max(value, LOUDNESS_FLOOR) - LOUDNESS_FLOOR) / -LOUDNESS_FLOOR;
            default -> Math.max(0, Math.min(1, attribute.normalise(value)));
        };
    }

    /** @return the dimension of the attribute in the vector, or -1 when it is not a dimension */
    static int dimensionOf(TunableAttribute attribute) {
        return DIMENSIONS.indexOf(attribute);
    }
}
