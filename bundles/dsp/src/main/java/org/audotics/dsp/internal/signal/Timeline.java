package org.audotics.dsp.internal.signal;

import java.util.Arrays;

/**
 * Short-time descriptors of every medium frame (~46 ms, hop ~23 ms), kept for the whole file because
 * segments, sections and the track descriptors all read them back: level (dBFS), 12 pitch classes,
 * 13 mel-cepstral coefficients (timbre), spectral centroid, flatness and 85 % roll-off, and the share
 * of energy below 200 Hz. {@value #STRIDE} floats per frame: ~21 MB per hour of audio.
 */
final class Timeline implements SpectralFrames.Listener {

    static final int MFCC = 13;
    static final int DB = 0;
    static final int CHROMA = 1;
    static final int TIMBRE = CHROMA + 12;
    static final int CENTROID = TIMBRE + MFCC;
    static final int FLATNESS = CENTROID + 1;
    static final int ROLLOFF = FLATNESS + 1;
    static final int LOW_SHARE = ROLLOFF + 1;
    static final int STRIDE = LOW_SHARE + 1;

    private static final int MEL_BANDS = 40;
    private static final double MEL_LOW_HZ = 30;
    private static final double MEL_HIGH_HZ = 8000;
    /** Pitch classes are read from spectral peaks up to here (harmonics of low notes included). */
    private static final double CHROMA_HIGH_HZ = 5000;
    /** Below this a frame counts as silent, so descriptors of silence do not pull the averages. */
    static final double SILENCE_DB = -70;

    private final double sampleRate;
    private final int size;
    private final int hop;
    private final double powerScale;
    private final int chromaLowBin;
    private final int chromaHighBin;
    private final int[] melLow;
    private final int[] melCentre;
    private final int[] melHigh;
    private final double[][] dct = new double[MFCC][MEL_BANDS];
    private final double[] mel = new double[MEL_BANDS];
    private float[] data = new float[STRIDE * 1024];
    private int frames;

    Timeline(double sampleRate, int size, int hop) {
        this.sampleRate = sampleRate;
        this.size = size;
        this.hop = hop;
        // mean square of the frame from its Hann-windowed spectrum (Parseval): sum |X|^2 * 2 / (N * sum w^2)
        this.powerScale = 2.0 / (size * (size * 0.375));
        this.chromaLowBin = Math.max(2, bin(Chromagram.LOW_HZ));
        this.chromaHighBin = Math.min(size / 2 - 1, bin(CHROMA_HIGH_HZ));
        this.melLow = new int[MEL_BANDS];
        this.melCentre = new int[MEL_BANDS];
        this.melHigh = new int[MEL_BANDS];
        // MEL_BANDS + 2 edges equally spaced in mel; band b rises from edge b to b + 1 and falls to b + 2
        double lowMel = toMel(MEL_LOW_HZ);
        double step = (toMel(Math.min(MEL_HIGH_HZ, sampleRate / 2)) - lowMel) / (MEL_BANDS + 1);
        int[] edge = new int[MEL_BANDS + 2];
        for (int e = 0; e < edge.length; e++) {
            edge[e] = bin(fromMel(lowMel + e * step));
        }
        for (int b = 0; b < MEL_BANDS; b++) {
            melLow[b] = edge[b];
            melCentre[b] = Math.max(melLow[b] + 1, edge[b + 1]);
            melHigh[b] = Math.max(melCentre[b] + 1, edge[b + 2]);
        }
        for (int c = 0; c < MFCC; c++) {
            for (int b = 0; b < MEL_BANDS; b++) {
                dct[c][b] = Math.cos(Math.PI * c * (b + 0.5) / MEL_BANDS) * Math.sqrt((c == 0 ? 1.0 : 2.0) / MEL_BANDS);
            }
        }
    }

    private double binHz(int k) {
        return k * sampleRate / size;
    }

    private int bin(double hz) {
        return (int) Math.round(hz * size / sampleRate);
    }

    private static double toMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double fromMel(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    @Override
    public void frame(double[] magnitudes) {
        if ((frames + 1) * STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int at = frames * STRIDE;
        double energy = 0;
        double weighted = 0;
        double logSum = 0;
        double low = 0;
        int lowLimit = bin(200);
        for (int k = 1; k < magnitudes.length; k++) {
            double power = magnitudes[k] * magnitudes[k];
            energy += power;
            weighted += power * binHz(k);
            logSum += Math.log(power + 1e-20);
            if (k <= lowLimit) {
                low += power;
            }
        }
        int bins = magnitudes.length - 1;
        data[at + DB] = (float) Math.max(-100, 10 * Math.log10(energy * powerScale + 1e-10));
        data[at + CENTROID] = (float) (energy > 0 ? weighted / energy : 0);
        data[at + FLATNESS] = (float) (energy > 0 ? Math.exp(logSum / bins) / (energy / bins) : 0);
        data[at + LOW_SHARE] = (float) (energy > 0 ? low / energy : 0);
        double rolled = 0;
        int rolloff = bins;
        for (int k = 1; k < magnitudes.length; k++) {
            rolled += magnitudes[k] * magnitudes[k];
            if (rolled >= 0.85 * energy) {
                rolloff = k;
                break;
            }
        }
        data[at + ROLLOFF] = (float) binHz(rolloff);
        addPeakPitches(magnitudes, at);
        double maxChroma = 0;
        for (int p = 0; p < 12; p++) {
            maxChroma = Math.max(maxChroma, data[at + CHROMA + p]);
        }
        for (int p = 0; maxChroma > 0 && p < 12; p++) {
            data[at + CHROMA + p] /= (float) maxChroma;
        }
        for (int b = 0; b < MEL_BANDS; b++) {
            double sum = 0;
            int width = melHigh[b] - melLow[b];
            for (int k = melLow[b]; k < melHigh[b] && k < magnitudes.length; k++) {
                double w = k <= melCentre[b] ? (k - melLow[b] + 1.0) / (melCentre[b] - melLow[b] + 1)
                        : (melHigh[b] - k) / (double) (melHigh[b] - melCentre[b]);
                sum += w * magnitudes[k] * magnitudes[k];
            }
            mel[b] = Math.log10(sum * powerScale / Math.max(1, width) + 1e-10);
        }
        for (int c = 0; c < MFCC; c++) {
            double sum = 0;
            for (int b = 0; b < MEL_BANDS; b++) {
                sum += dct[c][b] * mel[b];
            }
            data[at + TIMBRE + c] = (float) sum;
        }
        frames++;
    }

    /**
     * Pitch classes from the spectral peaks: a frame this short resolves only ~20 Hz, less than a
     * semitone below ~350 Hz, so each peak's frequency is refined by parabolic interpolation of the log
     * magnitudes around it (exact to a few cents for a steady partial) before it is assigned to its
     * nearest semitone, weighted by how close it lies to that semitone's centre.
     */
    private void addPeakPitches(double[] magnitudes, int at) {
        for (int k = chromaLowBin; k <= chromaHighBin; k++) {
            double m = magnitudes[k];
            if (m <= magnitudes[k - 1] || m < magnitudes[k + 1] || m <= 0) {
                continue;
            }
            double a = Math.log(magnitudes[k - 1] + 1e-12);
            double b = Math.log(m + 1e-12);
            double c = Math.log(magnitudes[k + 1] + 1e-12);
            double denominator = a - 2 * b + c;
            double offset = denominator == 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / denominator));
            double frequency = (k + offset) * sampleRate / size;
            double midi = 69 + 12 * Math.log(frequency / 440) / Math.log(2);
            long nearest = Math.round(midi);
            double weight = Math.max(0, 1 - 2 * Math.abs(midi - nearest));
            data[at + CHROMA + (int) Math.floorMod(nearest, 12L)] += (float) (weight * m);
        }
    }

    int frames() {
        return frames;
    }

    float get(int frame, int field) {
        return data[frame * STRIDE + field];
    }

    /** Seconds from the start of the file to the centre of a frame. */
    double time(int frame) {
        return (frame * (double) hop + size / 2.0) / sampleRate;
    }

    /** The first frame whose centre is at or after {@code seconds}. */
    int frameAt(double seconds) {
        return (int) Math.max(0, Math.min(frames, Math.ceil((seconds * sampleRate - size / 2.0) / hop)));
    }

    double framesPerSecond() {
        return sampleRate / hop;
    }
}
