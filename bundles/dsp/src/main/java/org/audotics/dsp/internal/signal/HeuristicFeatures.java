package org.audotics.dsp.internal.signal;

/**
 * Energy, danceability, valence and liveness from the track descriptors by fixed formulas. These are
 * heuristics, not trained models: no labelled audio exists here to learn them from (Spotify's values
 * come without audio, and generated audio has no honest "mood" or "audience" label). Each formula is a
 * weighted sum of terms scaled to 0..1, documented with its reasoning in docs/dsp.md; tests pin the
 * orderings they promise (a loud dense drum track is more energetic than a soft sine, and so on), not
 * agreement with Spotify.
 */
public final class HeuristicFeatures {

    private HeuristicFeatures() {
    }

    /** Perceived intensity: loudness first, then brightness, note density and noisiness. */
    public static double energy(float[] d) {
        double loud = sigmoid((d[Descriptors.LOUDNESS] + 14) / 4);
        double bright = clamp((d[Descriptors.CENTROID_MEAN] - 0.5) / 3);
        double dense = clamp(d[Descriptors.ONSET_RATE] / 6);
        double noisy = clamp(d[Descriptors.FLATNESS_MEAN] * 5);
        return clamp(0.5 * loud + 0.2 * bright + 0.15 * dense + 0.15 * noisy);
    }

    /** Suitability for dancing: a clear, strong, regular beat near a walking-to-running tempo, with bass. */
    public static double danceability(float[] d) {
        double tempo = d[Descriptors.TEMPO];
        if (tempo <= 0) {
            return clamp(0.1 * d[Descriptors.LOW_SHARE_MEAN]);
        }
        double octaves = Math.log(tempo / 118) / Math.log(2);
        double tempoFit = Math.exp(-0.5 * (octaves / 0.35) * (octaves / 0.35));
        double strength = clamp(d[Descriptors.BEAT_STRENGTH]);
        double pulse = clamp(d[Descriptors.TEMPO_CONFIDENCE] * 1.5) * strength; // a periodic ripple is no pulse
        double bass = clamp(d[Descriptors.LOW_SHARE_MEAN] * 3);
        return clamp(0.3 * pulse + 0.3 * strength + 0.25 * tempoFit + 0.15 * bass);
    }

    /** Musical positiveness: major mode, faster tempo, brighter sound and more energy read as happier. A guess. */
    public static double valence(float[] d, int mode, double energy) {
        double major = mode == 1 ? 0.5 + 0.5 * clamp(d[Descriptors.KEY_CONFIDENCE]) : 0.5 - 0.5 * clamp(d[Descriptors.KEY_CONFIDENCE]);
        double fast = clamp((d[Descriptors.TEMPO] - 60) / 120);
        double bright = clamp((d[Descriptors.CENTROID_MEAN] - 0.5) / 3);
        return clamp(0.4 * major + 0.2 * fast + 0.15 * bright + 0.25 * energy);
    }

    /**
     * Presence of an audience: noise that stays between the notes (applause, crowd, room) shows as a
     * flat spectrum in the quietest frames. Studio recordings are quiet or tonal there. A weak cue: most
     * tracks land at 0.05..0.3, as in Spotify's data where a median track is about 0.13.
     */
    public static double liveness(float[] d) {
        double noiseBetweenNotes = clamp((d[Descriptors.QUIET_FLATNESS] - 0.02) / 0.2);
        double noSilence = 1 - clamp(d[Descriptors.SILENCE_SHARE] * 10);
        return clamp(0.05 + 0.75 * noiseBetweenNotes * noSilence);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
