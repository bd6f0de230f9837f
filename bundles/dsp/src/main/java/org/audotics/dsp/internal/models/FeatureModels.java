package org.audotics.dsp.internal.models;

import java.io.IOException;
import java.io.InputStream;
import org.audotics.ml.api.Classifier;
import org.audotics.ml.api.ModelRuntime;

/**
 * The learned features, from two small networks trained on generated audio (recipe and measured
 * accuracy in docs/dsp.md; trained by {@code TrainFeatureModels} in this bundle's tests):
 * <ul>
 *   <li>the voice model tells music, speech over music and speech apart: speechiness is
 *       P(speech) + ½·P(speech over music), so pure speech lands above Spotify's 0.66 and rap-like
 *       speech over music in its 0.33..0.66 band; instrumentalness is P(music without voice);</li>
 *   <li>the acoustic model tells acoustic instruments from electronic ones: acousticness is P(acoustic).</li>
 * </ul>
 * Both read the track {@link org.audotics.dsp.internal.signal.Descriptors}.
 */
public final class FeatureModels {

    public static final String VOICE = "models/voice.zip";
    public static final String ACOUSTIC = "models/acoustic.zip";
    /** Classes of the voice model. */
    public static final int MUSIC = 0;
    public static final int SPEECH_OVER_MUSIC = 1;
    public static final int SPEECH = 2;

    private final Classifier voice;
    private final Classifier acoustic;

    public FeatureModels(Classifier voice, Classifier acoustic) {
        this.voice = voice;
        this.acoustic = acoustic;
    }

    /** Loads the models shipped in this bundle. */
    public static FeatureModels load(ModelRuntime runtime) throws IOException {
        return new FeatureModels(load(runtime, VOICE), load(runtime, ACOUSTIC));
    }

    private static Classifier load(ModelRuntime runtime, String resource) throws IOException {
        try (InputStream in = FeatureModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("model " + resource + " is missing from the bundle");
            }
            return runtime.load(in);
        }
    }

    /** The three learned features of a track, each 0..1. */
    public record Learned(double speechiness, double instrumentalness, double acousticness) {
    }

    /** Runs each network once over the track's descriptors. */
    public Learned estimate(float[] descriptors) {
        float[] voiceP = voice.probabilities(descriptors);
        return new Learned(clamp(voiceP[SPEECH] + 0.5 * voiceP[SPEECH_OVER_MUSIC]), clamp(voiceP[MUSIC]),
                clamp(acoustic.probabilities(descriptors)[1]));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
