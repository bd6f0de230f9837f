package org.audotics.dsp.internal.signal;

/**
 * A fixed-length summary of a whole track, the input of the learned feature models and the heuristics:
 * statistics over the non-silent timeline frames plus rhythm and tonality measures. The order is part
 * of the trained models' contract: change it only together with a retraining (and a new
 * {@link SignalAnalysis#VERSION}).
 */
public final class Descriptors {

    /** Names, in vector order (documented in docs/dsp.md). */
    public static final String[] NAMES = names();
    public static final int SIZE = NAMES.length;

    private static final int MEAN_TIMBRE = 0;
    private static final int STD_TIMBRE = MEAN_TIMBRE + Timeline.MFCC;
    static final int CENTROID_MEAN = STD_TIMBRE + Timeline.MFCC;
    static final int CENTROID_STD = CENTROID_MEAN + 1;
    static final int FLATNESS_MEAN = CENTROID_STD + 1;
    static final int FLATNESS_STD = FLATNESS_MEAN + 1;
    static final int ROLLOFF_MEAN = FLATNESS_STD + 1;
    static final int LOW_SHARE_MEAN = ROLLOFF_MEAN + 1;
    static final int LEVEL_STD = LOW_SHARE_MEAN + 1;
    static final int LOW_ENERGY_RATIO = LEVEL_STD + 1;
    static final int SYLLABLE_MODULATION = LOW_ENERGY_RATIO + 1;
    static final int ONSET_RATE = SYLLABLE_MODULATION + 1;
    static final int TEMPO_CONFIDENCE = ONSET_RATE + 1;
    static final int KEY_CONFIDENCE = TEMPO_CONFIDENCE + 1;
    static final int TONALNESS = KEY_CONFIDENCE + 1;
    static final int CHROMA_CHANGE = TONALNESS + 1;
    static final int SILENCE_SHARE = CHROMA_CHANGE + 1;
    static final int TEMPO = SILENCE_SHARE + 1;
    static final int BEAT_STRENGTH = TEMPO + 1;
    static final int LOUDNESS = BEAT_STRENGTH + 1;
    static final int QUIET_FLATNESS = LOUDNESS + 1;

    private Descriptors() {
    }

    private static String[] names() {
        String[] names = new String[2 * Timeline.MFCC + 21];
        for (int c = 0; c < Timeline.MFCC; c++) {
            names[MEAN_TIMBRE + c] = "timbre_mean_" + c;
            names[STD_TIMBRE + c] = "timbre_std_" + c;
        }
        String[] rest = {"centroid_mean_khz", "centroid_std_khz", "flatness_mean", "flatness_std", "rolloff_mean_khz", "low_share_mean",
            "level_std_db", "low_energy_ratio", "syllable_modulation", "onset_rate", "tempo_confidence", "key_confidence", "tonalness",
            "chroma_change", "silence_share", "tempo_bpm", "beat_strength", "loudness_lufs", "quiet_flatness"};
        System.arraycopy(rest, 0, names, CENTROID_MEAN, rest.length);
        return java.util.Arrays.copyOf(names, CENTROID_MEAN + rest.length);
    }

    static float[] of(Timeline timeline, int onsetCount, double seconds, TempoEstimator.Estimate tempo, KeyEstimator.Estimate key,
            Rhythm rhythm, double loudness) {
        float[] d = new float[SIZE];
        int n = timeline.frames();
        double[] sum = new double[Timeline.STRIDE];
        double[] squares = new double[Timeline.STRIDE];
        int voiced = 0;
        int silent = 0;
        double chromaChange = 0;
        double tonalness = 0;
        for (int f = 0; f < n; f++) {
            if (timeline.get(f, Timeline.DB) < Timeline.SILENCE_DB) {
                silent++;
                continue;
            }
            voiced++;
            double chromaMean = 0;
            for (int field = 0; field < Timeline.STRIDE; field++) {
                double value = timeline.get(f, field);
                sum[field] += value;
                squares[field] += value * value;
            }
            for (int p = 0; p < 12; p++) {
                chromaMean += timeline.get(f, Timeline.CHROMA + p) / 12;
                if (f > 0) {
                    chromaChange += Math.abs(timeline.get(f, Timeline.CHROMA + p) - timeline.get(f - 1, Timeline.CHROMA + p)) / 12;
                }
            }
            tonalness += 1 - chromaMean; // chroma is scaled to max 1: a peaked profile has a low mean
        }
        int count = Math.max(1, voiced);
        for (int c = 0; c < Timeline.MFCC; c++) {
            d[MEAN_TIMBRE + c] = (float) mean(sum, Timeline.TIMBRE + c, count);
            d[STD_TIMBRE + c] = (float) std(sum, squares, Timeline.TIMBRE + c, count);
        }
        d[CENTROID_MEAN] = (float) (mean(sum, Timeline.CENTROID, count) / 1000);
        d[CENTROID_STD] = (float) (std(sum, squares, Timeline.CENTROID, count) / 1000);
        d[FLATNESS_MEAN] = (float) mean(sum, Timeline.FLATNESS, count);
        d[FLATNESS_STD] = (float) std(sum, squares, Timeline.FLATNESS, count);
        d[ROLLOFF_MEAN] = (float) (mean(sum, Timeline.ROLLOFF, count) / 1000);
        d[LOW_SHARE_MEAN] = (float) mean(sum, Timeline.LOW_SHARE, count);
        d[LEVEL_STD] = (float) std(sum, squares, Timeline.DB, count);
        d[LOW_ENERGY_RATIO] = (float) lowEnergyRatio(timeline);
        d[SYLLABLE_MODULATION] = (float) syllableModulation(timeline);
        d[ONSET_RATE] = (float) (onsetCount / Math.max(1e-9, seconds));
        d[TEMPO_CONFIDENCE] = (float) tempo.confidence();
        d[KEY_CONFIDENCE] = (float) key.confidence();
        d[TONALNESS] = (float) (tonalness / count);
        d[CHROMA_CHANGE] = (float) (chromaChange / count);
        d[SILENCE_SHARE] = (float) (silent / (double) Math.max(1, n));
        d[TEMPO] = (float) tempo.bpm();
        d[BEAT_STRENGTH] = (float) rhythm.beatStrength();
        d[LOUDNESS] = (float) loudness;
        d[QUIET_FLATNESS] = (float) quietFlatness(timeline);
        return d;
    }

    private static double mean(double[] sum, int field, int count) {
        return sum[field] / count;
    }

    private static double std(double[] sum, double[] squares, int field, int count) {
        double mean = sum[field] / count;
        return Math.sqrt(Math.max(0, squares[field] / count - mean * mean));
    }

    /** Share of non-silent frames more than 6 dB below the mean level (high for speech with pauses, low for dense music). */
    private static double lowEnergyRatio(Timeline timeline) {
        double sum = 0;
        int count = 0;
        for (int f = 0; f < timeline.frames(); f++) {
            double db = timeline.get(f, Timeline.DB);
            if (db >= Timeline.SILENCE_DB) {
                sum += db;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double mean = sum / count;
        int low = 0;
        for (int f = 0; f < timeline.frames(); f++) {
            double db = timeline.get(f, Timeline.DB);
            if (db >= Timeline.SILENCE_DB && db < mean - 6) {
                low++;
            }
        }
        return low / (double) count;
    }

    /**
     * Share of the level envelope's modulation (0.5..16 Hz) that lies at syllable rate (3..6 Hz), over
     * ~3 s windows: speech is modulated at about 4 Hz, music mostly at its beat rate and slower.
     */
    private static double syllableModulation(Timeline timeline) {
        double fps = timeline.framesPerSecond();
        int window = Integer.highestOneBit((int) Math.max(16, Math.round(3 * fps)));
        int n = timeline.frames();
        if (n < window) {
            return 0;
        }
        double total = 0;
        int windows = 0;
        double[] envelope = new double[window];
        for (int start = 0; start + window <= n; start += window / 2) {
            double mean = 0;
            for (int i = 0; i < window; i++) {
                envelope[i] = Math.pow(10, timeline.get(start + i, Timeline.DB) / 20);
                mean += envelope[i] / window;
            }
            double syllable = 0;
            double all = 0;
            for (int k = 1; k < window / 2; k++) {
                double hz = k * fps / window;
                if (hz < 0.5 || hz > 16) {
                    continue;
                }
                double re = 0;
                double im = 0;
                for (int i = 0; i < window; i++) {
                    double angle = 2 * Math.PI * k * i / window;
                    re += (envelope[i] - mean) * Math.cos(angle);
                    im -= (envelope[i] - mean) * Math.sin(angle);
                }
                double power = re * re + im * im;
                all += power;
                if (hz >= 3 && hz <= 6) {
                    syllable += power;
                }
            }
            if (all > 0) {
                total += syllable / all;
                windows++;
            }
        }
        return windows == 0 ? 0 : total / windows;
    }

    /** Mean spectral flatness of the quietest fifth of the non-silent frames: noise (crowd, room) between the notes. */
    private static double quietFlatness(Timeline timeline) {
        int n = timeline.frames();
        float[][] frames = new float[n][];
        int count = 0;
        for (int f = 0; f < n; f++) {
            if (timeline.get(f, Timeline.DB) >= Timeline.SILENCE_DB) {
                frames[count++] = new float[] {timeline.get(f, Timeline.DB), timeline.get(f, Timeline.FLATNESS)};
            }
        }
        if (count == 0) {
            return 0;
        }
        float[][] used = java.util.Arrays.copyOf(frames, count);
        java.util.Arrays.sort(used, (a, b) -> Float.compare(a[0], b[0]));
        int quiet = Math.max(1, count / 5);
        double sum = 0;
        for (int i = 0; i < quiet; i++) {
            sum += used[i][1];
        }
        return sum / quiet;
    }
}
