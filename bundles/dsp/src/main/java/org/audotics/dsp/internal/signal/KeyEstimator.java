package org.audotics.dsp.internal.signal;

/**
 * Key and mode of a track from its chroma and its bass chroma ({@link #estimate(double[], double[])}): a
 * conditional-logit classifier over the 24 keys. For each candidate tonic both chromas (square-rooted,
 * standardised) are rotated to that tonic and scored by one weight vector per mode; the softmax over the
 * 24 scores gives the key, and its probability is the confidence. The weights were learned on the
 * development part of the rendered corpus ({@code benchmarks/accuracy/develop.py DEV fit-key 0.001});
 * the bass range tells a tonic from its fifth and from the relative key, which treble chroma alone
 * confuses. A silent chroma has no key (-1).
 *
 * <p>{@link #fromProfiles(double[])} is the earlier method, the Pearson correlation with the
 * Krumhansl–Kessler profiles (confidence: the winning correlation): still used for sections (whose
 * timeline chroma has no bass range) and as the descriptor the feature models were trained on.
 */
final class KeyEstimator {

    /** Weights of the rotated treble (0..11) then bass (12..23) chroma, from the tonic up. */
    private static final double[] MAJOR_WEIGHTS = {1.9238, -0.7362, 0.59, -2.2573, 0.8077, -0.506, -1.0554, 2.819, -1.455, 1.845, -1.4034, -0.5722,
            1.5395, -0.1305, -0.1855, -0.31, -0.2596, 0.8184, -0.5085, 0.5861, 0.9204, -0.4656, -1.1982, -0.8065};
    /**
     * Below this share of the treble chroma the bass range holds only leakage from higher notes (no bass
     * line: pads and melody, a solo flute), which standardising would blow up into noise; it is left out.
     */
    private static final double BASS_PRESENT = 0.03;
    private static final double[] MINOR_WEIGHTS = {2.3692, -1.5763, 0.6536, 0.9067, -1.826, 0.4522, -2.7559, 1.9506, 0.0346, -0.8471, 0.7765, -0.1382,
            1.906, -1.2037, -1.0599, -0.0673, -0.0632, 0.9189, -0.5498, 0.9677, -0.518, 0.2649, -0.4761, -0.1196};

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

    static Estimate estimate(double[] chroma, double[] bass) {
        if (!(sum(chroma) > 1e-9)) {
            return new Estimate(-1, 1, 0);
        }
        double[] treble = standardised(chroma);
        double[] low = sum(bass) >= BASS_PRESENT * sum(chroma) ? standardised(bass) : new double[12];
        double[] scores = new double[24];
        int best = 0;
        for (int tonic = 0; tonic < 12; tonic++) {
            double major = 0;
            double minor = 0;
            for (int i = 0; i < 12; i++) {
                int pc = (i + tonic) % 12;
                major += MAJOR_WEIGHTS[i] * treble[pc] + MAJOR_WEIGHTS[12 + i] * low[pc];
                minor += MINOR_WEIGHTS[i] * treble[pc] + MINOR_WEIGHTS[12 + i] * low[pc];
            }
            scores[2 * tonic] = minor;
            scores[2 * tonic + 1] = major;
        }
        for (int k = 1; k < 24; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        double total = 0;
        for (double score : scores) {
            total += Math.exp(score - scores[best]);
        }
        return new Estimate(best / 2, best % 2, 1 / total);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    /** Square root (loud partials weigh less), then mean 0 and standard deviation 1; all zeros if flat. */
    private static double[] standardised(double[] chroma) {
        double[] out = new double[12];
        double mean = 0;
        for (int i = 0; i < 12; i++) {
            out[i] = Math.sqrt(Math.max(0, chroma[i]));
            mean += out[i] / 12;
        }
        double variance = 0;
        for (int i = 0; i < 12; i++) {
            out[i] -= mean;
            variance += out[i] * out[i] / 12;
        }
        double sd = Math.sqrt(variance);
        for (int i = 0; i < 12; i++) {
            out[i] = sd > 0 ? out[i] / sd : 0;
        }
        return out;
    }

    static Estimate fromProfiles(double[] chroma) {
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
