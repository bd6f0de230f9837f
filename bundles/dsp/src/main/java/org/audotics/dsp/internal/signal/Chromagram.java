package org.audotics.dsp.internal.signal;

/**
 * Accumulates the energy of each pitch class (C, C#, ..., B) over the whole signal from magnitude
 * spectra: every bin between {@value #LOW_HZ} and {@value #HIGH_HZ} Hz adds its magnitude to the pitch
 * class of its nearest semitone, weighted by how close it lies to that semitone's centre.
 */
final class Chromagram implements SpectralFrames.Listener {

    static final double LOW_HZ = 80;
    static final double HIGH_HZ = 2000;

    private final int[] pitchClass;
    private final double[] weight;
    private final double[] chroma = new double[12];

    Chromagram(double sampleRate, int frameSize) {
        int bins = frameSize / 2 + 1;
        this.pitchClass = new int[bins];
        this.weight = new double[bins];
        for (int k = 0; k < bins; k++) {
            double frequency = k * sampleRate / frameSize;
            if (frequency < LOW_HZ || frequency > HIGH_HZ) {
                continue;
            }
            double midi = 69 + 12 * Math.log(frequency / 440) / Math.log(2);
            long nearest = Math.round(midi);
            pitchClass[k] = (int) Math.floorMod(nearest, 12L);
            weight[k] = Math.max(0, 1 - 2 * Math.abs(midi - nearest)); // 1 at the centre, 0 half a semitone off
        }
    }

    @Override
    public void frame(double[] magnitudes) {
        for (int k = 0; k < weight.length; k++) {
            if (weight[k] > 0) {
                chroma[pitchClass[k]] += weight[k] * magnitudes[k];
            }
        }
    }

    double[] chroma() {
        return chroma.clone();
    }
}
