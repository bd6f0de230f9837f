package org.audotics.dsp.internal.signal;

/**
 * Time signature (beats per bar) and the position of the downbeats, from an accent value per beat: in a
 * bar of {@code m} beats the downbeat is stressed (louder, lower, a chord change), so the beats at one
 * phase modulo {@code m} stand out from the others. For each candidate meter and phase the contrast is
 * the mean accent at that phase minus the mean elsewhere, in standard errors; the meter with the best
 * weighted contrast wins. 4 is the default when nothing stands out clearly, as in most popular music.
 */
final class MeterEstimator {

    private static final int[] CANDIDATES = {4, 3, 5, 7};
    /** Prior weights: odd meters must stand out more clearly to be chosen. */
    private static final double[] PRIOR = {1.0, 0.9, 0.7, 0.7};
    /** Contrast, in standard errors, below which the meter is not trusted and 4 is reported. */
    private static final double SIGNIFICANT = 3;

    /**
     * @param beatsPerBar   3..7
     * @param downbeatPhase index of the first downbeat among the beats, 0..beatsPerBar-1
     * @param confidence    0..1
     */
    record Meter(int beatsPerBar, int downbeatPhase, double confidence) {
    }

    private MeterEstimator() {
    }

    static Meter estimate(double[] accents) {
        Meter best = new Meter(4, 0, 0);
        double bestScore = 0;
        double bestT = 0;
        for (int c = 0; c < CANDIDATES.length; c++) {
            int meter = CANDIDATES[c];
            if (accents.length < 4 * meter) {
                continue;
            }
            for (int phase = 0; phase < meter; phase++) {
                double t = contrast(accents, meter, phase);
                double score = t * PRIOR[c];
                if (score > bestScore) {
                    bestScore = score;
                    bestT = t;
                    best = new Meter(meter, phase, 0);
                }
            }
        }
        if (bestT < SIGNIFICANT) {
            return new Meter(4, best.beatsPerBar() == 4 ? best.downbeatPhase() : 0, Math.min(1, bestT / (3 * SIGNIFICANT)));
        }
        return new Meter(best.beatsPerBar(), best.downbeatPhase(), Math.min(1, bestT / (3 * SIGNIFICANT)));
    }

    /** Welch's t of the accents at {@code phase} against the other beats. */
    private static double contrast(double[] accents, int meter, int phase) {
        double sumOn = 0;
        double sumOff = 0;
        int on = 0;
        int off = 0;
        for (int i = 0; i < accents.length; i++) {
            if (i % meter == phase) {
                sumOn += accents[i];
                on++;
            } else {
                sumOff += accents[i];
                off++;
            }
        }
        double meanOn = sumOn / on;
        double meanOff = sumOff / off;
        double varOn = 0;
        double varOff = 0;
        for (int i = 0; i < accents.length; i++) {
            double d = accents[i] - (i % meter == phase ? meanOn : meanOff);
            if (i % meter == phase) {
                varOn += d * d / Math.max(1, on - 1);
            } else {
                varOff += d * d / Math.max(1, off - 1);
            }
        }
        double error = Math.sqrt(varOn / on + varOff / off) + 1e-9;
        return (meanOn - meanOff) / error;
    }
}
