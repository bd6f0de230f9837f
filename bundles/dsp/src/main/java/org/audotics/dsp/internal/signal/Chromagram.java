package org.audotics.dsp.internal.signal;

/**
 * Accumulates the energy of each pitch class (C, C#, ..., B) over the whole signal from magnitude
 * spectra: every bin between {@value #LOW_HZ} and {@value #HIGH_HZ} Hz adds its magnitude to the pitch
 * class of its nearest semitone, weighted by how close it lies to that semitone's centre.
 */
final class Chromagram implements SpectralFrames.Listener {

    static final double LOW_HZ = 80;
    static final double HIGH_HZ = 2000;
    /**
     * The bass range, where the lowest notes sound: its chroma helps {@link KeyEstimator} find the tonic.
     */
    static final double BASS_LOW_HZ = 50;
    static final double BASS_HIGH_HZ = 250;

    private final int[] pitchClass;
    private final double[] weight;
    private final double[] bassWeight;
    private final double[] chroma = new double[12];
    private final double[] bass = new double[12];
    private final double[] normalised = new double[12];
    private final double[] frame = new double[12];

    Chromagram(double sampleRate, int frameSize) {
        int bins = frameSize / 2 + 1;
        this.pitchClass = new int[bins];
        this.weight = new double[bins];
        this.bassWeight = new double[bins];
        for (int k = 1; k < bins; k++) {
            double frequency = k * sampleRate / frameSize;
            double midi = 69 + 12 * Math.log(frequency / 440) / Math.log(2);
            long nearest = Math.round(midi);
            pitchClass[k] = (int) Math.floorMod(nearest, 12L);
            double closeness = Math.max(0, 1 - 2 * Math.abs(midi - nearest)); // 1 at the centre, 0 half a semitone off
            if (frequency >= LOW_HZ && frequency <= HIGH_HZ) {
                weight[k] = closeness;
            }
            if (frequency >= BASS_LOW_HZ && frequency <= BASS_HIGH_HZ) {
                bassWeight[k] = closeness;
            }
        }
    }

    @Override
    public void frame(double[] magnitudes) {
        java.util.Arrays.fill(frame, 0);
        double sum = 0;
        for (int k = 0; k < weight.length; k++) {
            if (weight[k] > 0) {
                double value = weight[k] * magnitudes[k];
                frame[pitchClass[k]] += value;
                sum += value;
            }
            if (bassWeight[k] > 0) {
                bass[pitchClass[k]] += bassWeight[k] * magnitudes[k];
            }
        }
        for (int p = 0; p < 12; p++) {
            chroma[p] += frame[p];
            if (sum > 1e-6) {
                normalised[p] += frame[p] / sum;
            }
        }
    }

    double[] chroma() {
        return chroma.clone();
    }

    /** The pitch classes of the bass range alone ({@value #BASS_LOW_HZ}..{@value #BASS_HIGH_HZ} Hz). */
    double[] bassChroma() {
        return bass.clone();
    }

    /** The sum of each frame's chroma scaled to sum 1: every sounding frame counts the same, loud or soft. */
    double[] normalisedChroma() {
        return normalised.clone();
    }
}
