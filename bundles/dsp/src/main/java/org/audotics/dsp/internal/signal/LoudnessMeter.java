package org.audotics.dsp.internal.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Integrated loudness after ITU-R BS.1770-4 / EBU R 128, in LUFS.
 *
 * <ol>
 *   <li>K-weighting per channel: the standard's high-shelf pre-filter and RLB high-pass, with
 *       coefficients derived for the actual sample rate from the filters' analog parameters (the
 *       standard tabulates them for 48 kHz only);</li>
 *   <li>mean square per channel over 400 ms blocks overlapping by 75 % (100 ms steps), summed over
 *       channels with the standard's weights (1.0; 1.41 for the surround channels of 5.1);</li>
 *   <li>absolute gate at -70 LUFS, then a relative gate 10 LU below the loudness of the blocks that
 *       passed it; the integrated loudness is that of the blocks passing both gates.</li>
 * </ol>
 * Silence (no block above -70 LUFS) yields {@link Double#NEGATIVE_INFINITY}.
 */
final class LoudnessMeter {

    private static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;

    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final double[] weights;
    private final int stepFrames;
    private final double[] stepSums;
    private int stepFill;
    /** Weighted mean square of each completed 100 ms step, summed over channels. */
    private final List<Double> steps = new ArrayList<>();

    LoudnessMeter(double sampleRate, int channels) {
        this.shelf = new Biquad[channels];
        this.highPass = new Biquad[channels];
        for (int c = 0; c < channels; c++) {
            shelf[c] = preFilter(sampleRate);
            highPass[c] = rlbFilter(sampleRate);
        }
        this.weights = channelWeights(channels);
        this.stepFrames = (int) Math.round(sampleRate * 0.1);
        this.stepSums = new double[channels];
    }

    void accept(float[][] block, int frames) {
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < shelf.length; c++) {
                double weighted = highPass[c].process(shelf[c].process(block[c][i]));
                stepSums[c] += weighted * weighted;
            }
            if (++stepFill == stepFrames) {
                double power = 0;
                for (int c = 0; c < stepSums.length; c++) {
                    power += weights[c] * stepSums[c] / stepFrames;
                    stepSums[c] = 0;
                }
                steps.add(power);
                stepFill = 0;
            }
        }
    }

    double integratedLoudness() {
        List<Double> blocks = new ArrayList<>();
        for (int i = 3; i < steps.size(); i++) { // 400 ms gating blocks = four 100 ms steps
            blocks.add((steps.get(i) + steps.get(i - 1) + steps.get(i - 2) + steps.get(i - 3)) / 4);
        }
        double absoluteGate = power(ABSOLUTE_GATE_LUFS);
        List<Double> aboveAbsolute = blocks.stream().filter(p -> p > absoluteGate).toList();
        if (aboveAbsolute.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = power(loudness(mean(aboveAbsolute)) + RELATIVE_GATE_LU);
        return loudness(mean(aboveAbsolute.stream().filter(p -> p > relativeGate).toList()));
    }

    static double loudness(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    private static double power(double loudness) {
        return Math.pow(10, (loudness + 0.691) / 10);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double[] channelWeights(int channels) {
        double[] weights = new double[channels];
        java.util.Arrays.fill(weights, 1.0);
        if (channels == 6) { // 5.1: L R C LFE Ls Rs
            weights[3] = 0;
            weights[4] = 1.41;
            weights[5] = 1.41;
        }
        return weights;
    }

    /** The high-shelf "pre-filter" modelling the head: +4 dB above ~1.7 kHz. */
    private static Biquad preFilter(double sampleRate) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / sampleRate);
        double vh = Math.pow(10, gainDb / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }

    /** The "revised low-frequency B-curve" high-pass at ~38 Hz. */
    private static Biquad rlbFilter(double sampleRate) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / sampleRate);
        double a0 = 1 + k / q + k * k;
        return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }
}
