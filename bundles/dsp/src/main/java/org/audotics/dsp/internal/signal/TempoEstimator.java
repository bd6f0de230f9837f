package org.audotics.dsp.internal.signal;

/**
 * Tempo from an onset-strength envelope, after the autocorrelation method with a perceptual tempo prior
 * (as in Ellis 2007 and librosa's {@code beat.tempo}):
 *
 * <ol>
 *   <li>autocorrelate the mean-removed envelope over lags of 40..240 BPM;</li>
 *   <li>score each lag by the pulse it implies, the autocorrelation at its first four multiples (a comb,
 *       so a beat period whose multiples also recur beats a subdivision that recurs only once), weighted
 *       by a log-normal prior centred on 120 BPM (one octave wide), and take the best;</li>
 *   <li>prefer the double tempo when the autocorrelation at half the lag is nearly as strong and the
 *       double stays at or below 180 BPM (a plain pulse at 160 BPM also repeats at 80, and the prior
 *       would otherwise pick 80; above 180 real music was mostly felt at the lower octave);</li>
 *   <li>refine the period with parabolic interpolation at the first four multiples of the lag.</li>
 * </ol>
 * Confidence is how far the chosen peak stands above the median autocorrelation, in 0..1.
 */
final class TempoEstimator {

    static final double MIN_BPM = 40;
    static final double MAX_BPM = 240;
    private static final double PRIOR_CENTRE_BPM = 120;
    private static final double DOUBLE_TEMPO_RATIO = 0.85;
    /**
     * The double tempo is preferred only up to here: above it, real recordings measured against
     * essentia.js and bpm-tools (benchmarks/accuracy) were mostly at the lower octave.
     */
    private static final double MAX_DOUBLED_BPM = 180;

    /** A tempo in BPM (0 when none was found) and its confidence. */
    record Estimate(double bpm, double confidence) {
    }

    private TempoEstimator() {
    }

    static Estimate estimate(double[] envelope, double frameRate) {
        int minLag = (int) Math.floor(60 * frameRate / MAX_BPM);
        int maxLag = (int) Math.ceil(60 * frameRate / MIN_BPM);
        if (envelope.length < 4 * maxLag) {
            return new Estimate(0, 0);
        }
        double mean = 0;
        for (double value : envelope) {
            mean += value / envelope.length;
        }
        double[] centred = new double[envelope.length];
        for (int i = 0; i < envelope.length; i++) {
            centred[i] = envelope[i] - mean;
        }
        int longest = Math.min(4 * maxLag + 3, envelope.length - 1);
        double[] acf = new double[longest + 1];
        for (int lag = Math.max(1, minLag / 2 - 1); lag <= longest; lag++) {
            double sum = 0;
            for (int i = lag; i < centred.length; i++) {
                sum += centred[i] * centred[i - lag];
            }
            acf[lag] = sum / (centred.length - lag);
        }

        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (!isPeak(acf, lag)) {
                continue;
            }
            double bpm = 60 * frameRate / lag;
            double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2);
            double score = comb(acf, lag) * Math.exp(-0.5 * octaves * octaves);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0 || acf[best] <= 0) {
            return new Estimate(0, 0);
        }
        int half = peakNear(acf, best / 2.0);
        if (half >= minLag && acf[half] >= DOUBLE_TEMPO_RATIO * acf[best] && 60 * frameRate / half <= MAX_DOUBLED_BPM) {
            best = half;
        }
        double period = refinedPeriod(acf, best);
        return new Estimate(60 * frameRate / period, confidence(acf, best, minLag, maxLag));
    }

    /** Autocorrelation at the first four multiples of the lag, later multiples weighing less. */
    private static double comb(double[] acf, int lag) {
        double sum = 0;
        for (int multiple = 1; multiple <= 4 && multiple * lag + 1 < acf.length; multiple++) {
            sum += acf[peakNear(acf, multiple * (double) lag)] / multiple;
        }
        return sum;
    }

    private static boolean isPeak(double[] acf, int lag) {
        return acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1];
    }

    /** The local maximum within one frame of {@code lag}. */
    private static int peakNear(double[] acf, double lag) {
        int centre = (int) Math.round(lag);
        int best = centre;
        for (int l = Math.max(1, centre - 1); l <= Math.min(acf.length - 2, centre + 1); l++) {
            if (acf[l] > acf[best]) {
                best = l;
            }
        }
        return best;
    }

    /** The period in frames, averaged over the peaks at 1..4 times the lag, each interpolated. */
    private static double refinedPeriod(double[] acf, int lag) {
        double sum = 0;
        int count = 0;
        for (int multiple = 1; multiple <= 4 && multiple * lag + 1 < acf.length; multiple++) {
            int peak = peakNear(acf, multiple * (double) lag);
            if (peak <= 0 || peak + 1 >= acf.length) {
                break;
            }
            double a = acf[peak - 1];
            double b = acf[peak];
            double c = acf[peak + 1];
            double denominator = a - 2 * b + c;
            double offset = denominator == 0 ? 0 : 0.5 * (a - c) / denominator;
            sum += (peak + Math.max(-0.5, Math.min(0.5, offset))) / multiple;
            count++;
        }
        return sum / count;
    }

    private static double confidence(double[] acf, int lag, int minLag, int maxLag) {
        double[] range = java.util.Arrays.copyOfRange(acf, minLag, maxLag + 1);
        java.util.Arrays.sort(range);
        double median = range[range.length / 2];
        double max = range[range.length - 1];
        return max <= median ? 0 : Math.max(0, Math.min(1, (acf[lag] - median) / (max - median + Math.abs(max))));
    }
}
