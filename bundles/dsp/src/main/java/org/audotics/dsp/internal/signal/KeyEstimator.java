package org.audotics.dsp.internal.signal;

/**
 * Key and mode from a chroma vector: the Pearson correlation with the Krumhansl–Kessler key profiles,
 * rotated to each of the 12 tonics, for major and minor; the best of the 24 wins.
 *
 * <p>The profiles are made <em>harmonic-aware</em> before they are compared: a note's third harmonic
 * sounds a fifth above it, so a spectrum-based chroma of music in C holds more G (and D) than the
 * listeners' ratings behind the profiles do, and the plain profiles read the key a fifth above (the
 * commonest error on rendered music). Each profile gets {@value #FIFTH_HARMONIC} of itself rotated a
 * fifth up added, the chroma such a key would produce.
 *
 * <p>With a bass chroma (the pitch classes of 50–250 Hz, {@link Chromagram#bassChroma()}), its
 * correlation with the same 24 profiles is added with weight {@value #BASS_WEIGHT}: the bass dwells on
 * the tonic and the fifth, which settles the fifth-above and relative-key ambiguities the upper chroma
 * leaves. A bass chroma holding less than {@value #BASS_PRESENT} of the chroma's energy is no bass line,
 * only leakage (pads, solo melody), and is left out. Both constants were chosen on the development part
 * of benchmarks/accuracy (docs/dsp.md).
 *
 * <p>Confidence is the winning score (the mean of the weighted correlations), in 0..1. A silent chroma
 * has no key (-1).
 */
final class KeyEstimator {

    private static final double[] KK_MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] KK_MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    static final double FIFTH_HARMONIC = 0.2;
    static final double BASS_WEIGHT = 0.5;
    static final double BASS_PRESENT = 0.03;
    private static final double[] MAJOR = harmonicAware(KK_MAJOR);
    private static final double[] MINOR = harmonicAware(KK_MINOR);

    /**
     * @param key        pitch class of the tonic, 0 (C) .. 11 (B), or -1
     * @param mode       1 major, 0 minor
     * @param confidence 0..1
     */
    record Estimate(int key, int mode, double confidence) {
    }

    private KeyEstimator() {
    }

    /** The key of a chroma alone (a section's, where no bass chroma is kept). */
    static Estimate estimate(double[] chroma) {
        return estimate(chroma, new double[12]);
    }

    static Estimate estimate(double[] chroma, double[] bassChroma) {
        double total = sum(chroma);
        if (!(total > 1e-9)) {
            return new Estimate(-1, 1, 0);
        }
        boolean bass = sum(bassChroma) >= BASS_PRESENT * total;
        double weight = bass ? BASS_WEIGHT : 0;
        Estimate best = new Estimate(-1, 1, Double.NEGATIVE_INFINITY);
        for (int tonic = 0; tonic < 12; tonic++) {
            double major = correlation(chroma, MAJOR, tonic);
            double minor = correlation(chroma, MINOR, tonic);
            if (bass) {
                major += weight * correlation(bassChroma, MAJOR, tonic);
                minor += weight * correlation(bassChroma, MINOR, tonic);
            }
            if (major > best.confidence()) {
                best = new Estimate(tonic, 1, major);
            }
            if (minor > best.confidence()) {
                best = new Estimate(tonic, 0, minor);
            }
        }
        return new Estimate(best.key(), best.mode(), Math.max(0, Math.min(1, best.confidence() / (1 + weight))));
    }

    /** The profile plus its share of third harmonics, a fifth above each pitch class. */
    static double[] harmonicAware(double[] profile) {
        double[] out = new double[12];
        for (int pc = 0; pc < 12; pc++) {
            out[pc] = profile[pc] + FIFTH_HARMONIC * profile[Math.floorMod(pc - 7, 12)];
        }
        return out;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
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
