package org.audotics.dsp.internal.signal;

import java.util.Arrays;

/**
 * Beat times by dynamic programming over the onset-strength envelope (Ellis 2007, "Beat tracking by
 * dynamic programming", the method behind librosa's {@code beat_track}): the beat sequence maximises the
 * onset strength at its beats minus a penalty, {@value #TIGHTNESS}·log²(interval / period), for every
 * interval that strays from the global tempo's period. Linear in the envelope length times one period.
 */
final class BeatTracker {

    /** How strongly intervals are held to the period (librosa's default). */
    private static final double TIGHTNESS = 100;

    private BeatTracker() {
    }

    /**
     * @param envelope  onset strength per frame
     * @param frameRate envelope frames per second
     * @param bpm       the global tempo; no beats when 0
     * @return beat positions in envelope frames, ascending
     */
    static int[] track(double[] envelope, double frameRate, double bpm) {
        if (bpm <= 0 || envelope.length == 0) {
            return new int[0];
        }
        double period = 60 * frameRate / bpm;
        double[] local = normalisedAndSmoothed(envelope, period);
        int n = local.length;
        double[] score = new double[n];
        int[] previous = new int[n];
        int nearest = (int) Math.round(period / 2);
        int farthest = (int) Math.round(2 * period);
        for (int t = 0; t < n; t++) {
            double best = Double.NEGATIVE_INFINITY;
            int from = -1;
            for (int p = t - farthest; p <= t - nearest; p++) {
                if (p < 0) {
                    continue;
                }
                double log = Math.log((t - p) / period);
                double candidate = score[p] - TIGHTNESS * log * log;
                if (candidate > best) {
                    best = candidate;
                    from = p;
                }
            }
            score[t] = local[t] + (from >= 0 && best > 0 ? best : 0);
            previous[t] = from >= 0 && best > 0 ? from : -1;
        }
        // the last beat: the best score within the final period, ignoring a trailing fade
        int last = n - 1;
        double bestEnd = Double.NEGATIVE_INFINITY;
        for (int t = Math.max(0, n - (int) Math.ceil(period)); t < n; t++) {
            if (score[t] > bestEnd) {
                bestEnd = score[t];
                last = t;
            }
        }
        int[] beats = new int[n / Math.max(1, nearest) + 2];
        int count = 0;
        for (int t = last; t >= 0; t = previous[t]) {
            beats[count++] = t;
        }
        int[] ascending = new int[count];
        for (int i = 0; i < count; i++) {
            ascending[i] = beats[count - 1 - i];
        }
        return trimQuietEnds(ascending, envelope);
    }

    /** Divides by the standard deviation and smooths with a Gaussian a sixteenth of a period wide. */
    private static double[] normalisedAndSmoothed(double[] envelope, double period) {
        double mean = Arrays.stream(envelope).average().orElse(0);
        double variance = 0;
        for (double value : envelope) {
            variance += (value - mean) * (value - mean) / envelope.length;
        }
        double std = Math.sqrt(variance) + 1e-12;
        double sigma = Math.max(1, period / 16);
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-0.5 * (i / sigma) * (i / sigma));
        }
        double[] smoothed = new double[envelope.length];
        for (int t = 0; t < envelope.length; t++) {
            double sum = 0;
            for (int i = -radius; i <= radius; i++) {
                int at = t + i;
                if (at >= 0 && at < envelope.length) {
                    sum += kernel[i + radius] * envelope[at] / std;
                }
            }
            smoothed[t] = sum;
        }
        return smoothed;
    }

    /** Drops beats before the first and after the last onset that matters (leading and trailing silence). */
    private static int[] trimQuietEnds(int[] beats, double[] envelope) {
        double max = Arrays.stream(envelope).max().orElse(0);
        double threshold = 0.05 * max;
        int first = 0;
        while (first < beats.length && strengthNear(envelope, beats[first]) < threshold) {
            first++;
        }
        int end = beats.length;
        while (end > first && strengthNear(envelope, beats[end - 1]) < threshold) {
            end--;
        }
        return Arrays.copyOfRange(beats, first, end);
    }

    /** The strongest onset within two frames of {@code frame}. */
    static double strengthNear(double[] envelope, int frame) {
        double max = 0;
        for (int t = Math.max(0, frame - 2); t <= Math.min(envelope.length - 1, frame + 2); t++) {
            max = Math.max(max, envelope[t]);
        }
        return max;
    }
}
