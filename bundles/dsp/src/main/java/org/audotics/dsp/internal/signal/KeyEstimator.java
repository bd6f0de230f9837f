package org.audotics.dsp.internal.signal;

/**
 * Key and mode from a chroma vector: the Pearson correlation with the Krumhansl–Kessler key profiles,
 * rotated to each of the 12 tonics, for major and minor; the best of the 24 wins. Confidence is the
 * winning correlation (0..1). A silent chroma has no key (-1).
 */
final class KeyEstimator {

    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    /**
     * @param key        pitch class of the tonic, 0 (C) .. 11 (B), or -1
     * @param mode       1 major, 0 minor
     * @param confidence 0..1
     */
    record Estimate(int key, int mode, double confidence) {
    }

    private KeyEstimator() {
    }

    static Estimate estimate(double[] chroma) {
        double total = 0;
        for (double value : chroma) {
            total += value;
        }
        if (!(total > 1e-9)) {
            return new Estimate(-1, 1, 0);
        }
        Estimate best = new Estimate(-1, 1, Double.NEGATIVE_INFINITY);
        for (int tonic = 0; tonic < 12; tonic++) {
            double major = correlation(chroma, MAJOR, tonic);
            double minor = correlation(chroma, MINOR, tonic);
            if (major > best.confidence()) {
                best = new Estimate(tonic, 1, major);
            }
            if (minor > best.confidence()) {
                best = new Estimate(tonic, 0, minor);
            }
        }
        return new Estimate(best.key(), best.mode(), Math.max(0, Math.min(1, best.confidence())));
    }

    private static double correlation(double[] chroma, double[] profile, int tonic) {
        double meanChroma = 0;
        double meanProfile = 0;
        for (int i = 0; i < 12; i++) {
            meanChroma += chroma[i] / 12;
            meanProfile += profile[i] / 12;
        }
        double covariance = 0;
        double varianceChroma = 0;
        double varianceProfile = 0;
        for (int pc = 0; pc < 12; pc++) {
            double c = chroma[pc] - meanChroma;
            double p = profile[Math.floorMod(pc - tonic, 12)] - meanProfile;
            covariance += c * p;
            varianceChroma += c * c;
            varianceProfile += p * p;
        }
        return varianceChroma == 0 ? 0 : covariance / Math.sqrt(varianceChroma * varianceProfile);
    }
}
