package org.audotics.dsp.internal.signal;

import java.util.Arrays;

/**
 * The onset-strength envelope: per frame, the sum over {@value #BANDS} log-spaced frequency bands
 * (40 Hz .. 16 kHz) of the rise in log-compressed band magnitude since the previous frame (half-wave
 * rectified spectral flux). Peaks where notes and drum hits start.
 *
 * <p>Bands rather than FFT bins: summed over bins, broadband noise such as a hi-hat (thousands of bins)
 * outweighs a kick drum (a few bins) and the envelope follows the hi-hat's subdivisions instead of the
 * beat (seen as tempo octave errors on drum patterns).
 */
final class OnsetStrength implements SpectralFrames.Listener {

    static final int BANDS = 24;
    private static final double LOW_HZ = 40;
    private static final double HIGH_HZ = 16_000;
    /** Compression before differencing, so quiet onsets count as well as loud ones. */
    private static final double COMPRESSION = 100;

    private final int[] bandOfBin;
    private final int[] binsInBand = new int[BANDS];
    private final double[] bands = new double[BANDS];
    private final double[] previous = new double[BANDS];
    private double[] envelope = new double[1024];
    private int length;

    OnsetStrength(double sampleRate, int frameSize) {
        int bins = frameSize / 2 + 1;
        this.bandOfBin = new int[bins];
        double high = Math.min(HIGH_HZ, sampleRate / 2);
        for (int k = 0; k < bins; k++) {
            double frequency = k * sampleRate / frameSize;
            if (frequency < LOW_HZ || frequency >= high) {
                bandOfBin[k] = -1;
                continue;
            }
            int band = (int) (BANDS * Math.log(frequency / LOW_HZ) / Math.log(high / LOW_HZ));
            bandOfBin[k] = Math.min(BANDS - 1, band);
            binsInBand[bandOfBin[k]]++;
        }
    }

    @Override
    public void frame(double[] magnitudes) {
        Arrays.fill(bands, 0);
        for (int k = 0; k < magnitudes.length; k++) {
            if (bandOfBin[k] >= 0) {
                bands[bandOfBin[k]] += magnitudes[k];
            }
        }
        double flux = 0;
        for (int b = 0; b < BANDS; b++) {
            double current = binsInBand[b] == 0 ? 0 : Math.log1p(COMPRESSION * bands[b] / binsInBand[b]);
            double rise = current - previous[b];
            if (rise > 0 && length > 0) {
                flux += rise;
            }
            previous[b] = current;
        }
        if (length == envelope.length) {
            envelope = Arrays.copyOf(envelope, length * 2);
        }
        envelope[length++] = flux;
    }

    double[] envelope() {
        return Arrays.copyOf(envelope, length);
    }
}
