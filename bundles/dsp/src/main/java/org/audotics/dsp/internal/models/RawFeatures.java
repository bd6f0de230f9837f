package org.audotics.dsp.internal.models;

/**
 * Our own measures of the features that {@link FeatureScale} puts on Spotify's scale, before the mapping
 * (each 0..1, on the scale of the formula or model that computed it: docs/dsp.md). Kept in the stored
 * analysis and served as {@code track.raw_features} of {@code GET /v1/audio-analysis/{id}}, so the
 * measure behind a reported value stays visible and a new scale can be applied without analysing again.
 */
public record RawFeatures(double energy, double danceability, double valence, double acousticness) {

    public RawFeatures {
        for (double value : new double[] {energy, danceability, valence, acousticness}) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("a raw feature outside [0, 1]: " + value);
            }
        }
    }
}
