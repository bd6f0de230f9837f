package org.audotics.dsp.internal.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The onset-strength envelope with its clock (frames per second and the time of frame 0), and the
 * onsets picked from it.
 */
record OnsetEnvelope(double[] values, double frameRate, double firstFrameSeconds) {

    /** Shortest gap between two onsets: faster than ~10 notes a second counts as one segment. */
    static final double MIN_GAP_SECONDS = 0.1;

    /**
     * Weakest onset strength that counts: the ripple of a steady tone stays below 1 and the beating of a
     * sustained chord below ~4, a plucked note 40 dB below full scale still rises by ~13 (measured on the
     * test signals).
     */
    static final double MIN_STRENGTH = 5;

    double time(int frame) {
        return firstFrameSeconds + frame / frameRate;
    }

    int frame(double seconds) {
        return (int) Math.max(0, Math.min(values.length - 1, Math.round((seconds - firstFrameSeconds) * frameRate)));
    }

    double seconds() {
        return values.length / frameRate;
    }

    /**
     * Onsets: local maxima of the envelope (within ±{@code MIN_GAP_SECONDS}/2) that rise above the
     * envelope's mean over the surrounding second by a tenth of the global standard deviation, and
     * reach {@value #MIN_STRENGTH} and 3 % of the strongest onset.
     *
     * @return frames, ascending
     */
    int[] onsets() {
        int n = values.length;
        int half = Math.max(1, (int) Math.round(MIN_GAP_SECONDS / 2 * frameRate));
        int context = (int) Math.round(0.5 * frameRate);
        double mean = Arrays.stream(values).average().orElse(0);
        double variance = 0;
        for (double value : values) {
            variance += (value - mean) * (value - mean) / Math.max(1, n);
        }
        double delta = 0.1 * Math.sqrt(variance);
        double floor = Math.max(MIN_STRENGTH, 0.03 * Arrays.stream(values).max().orElse(0));
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        List<Integer> onsets = new ArrayList<>();
        int lastOnset = -n;
        for (int t = 1; t < n; t++) {
            if (values[t] <= 0 || t - lastOnset < 2 * half) {
                continue;
            }
            boolean peak = true;
            for (int i = Math.max(0, t - half); i <= Math.min(n - 1, t + half) && peak; i++) {
                peak = values[i] <= values[t];
            }
            int from = Math.max(0, t - context);
            int to = Math.min(n, t + context + 1);
            double localMean = (prefix[to] - prefix[from]) / (to - from);
            if (peak && values[t] > localMean + delta && values[t] > floor) {
                onsets.add(t);
                lastOnset = t;
            }
        }
        return onsets.stream().mapToInt(Integer::intValue).toArray();
    }
}
