package org.audotics.dsp.internal.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Beats, bars, tatums and the time signature. Beats come from {@link BeatTracker}; each beat gets an
 * accent (its onset strength, its bass level and how much the harmony changes there, each standardised)
 * from which {@link MeterEstimator} finds the beats per bar and the downbeats. Tatums halve each beat
 * interval. Beat strength (0..1) is the mean onset strength at the beats on a log scale. A beat's confidence is its onset strength relative to the 95th percentile at beats.
 */
record Rhythm(List<TimeInterval> beats, List<TimeInterval> bars, List<TimeInterval> tatums, MeterEstimator.Meter meter,
        double beatStrength) {

    /** Onset strength at which beats count as fully strong. */
    private static final double STRONG_ONSET = 50;

    static Rhythm of(OnsetEnvelope envelope, Timeline timeline, double bpm, double durationSeconds) {
        int[] frames = BeatTracker.track(envelope.values(), envelope.frameRate(), bpm);
        if (frames.length < 2) {
            return new Rhythm(List.of(), List.of(), List.of(), new MeterEstimator.Meter(4, 0, 0), 0);
        }
        double[] times = new double[frames.length];
        double[] strengths = new double[frames.length];
        for (int i = 0; i < frames.length; i++) {
            times[i] = envelope.time(frames[i]);
            strengths[i] = BeatTracker.strengthNear(envelope.values(), frames[i]);
        }
        double period = 60 / bpm;
        MeterEstimator.Meter meter = MeterEstimator.estimate(accents(times, strengths, timeline));
        double reference = percentile(strengths, 0.95);
        List<TimeInterval> beats = new ArrayList<>();
        List<TimeInterval> tatums = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            double duration = i + 1 < times.length ? times[i + 1] - times[i] : Math.min(period, durationSeconds - times[i]);
            double confidence = reference <= 0 ? 0 : Math.min(1, strengths[i] / reference);
            beats.add(interval(times[i], duration, confidence));
            tatums.add(interval(times[i], duration / 2, confidence));
            tatums.add(interval(times[i] + duration / 2, duration / 2, confidence / 2));
        }
        List<TimeInterval> bars = new ArrayList<>();
        for (int i = meter.downbeatPhase(); i < times.length; i += meter.beatsPerBar()) {
            int next = i + meter.beatsPerBar();
            double end = next < times.length ? times[next] : Math.min(durationSeconds, times[i] + meter.beatsPerBar() * period);
            bars.add(interval(times[i], end - times[i], meter.confidence()));
        }
        double atBeats = java.util.Arrays.stream(strengths).average().orElse(0);
        // the envelope is log-compressed, so this hardly depends on level: a drum hit rises by ~100, a
        // plucked note by ~50, 40 dB down still by ~13; the ripple of sustained tones by a few units
        double beatStrength = Math.min(1, Math.log1p(atBeats) / Math.log1p(STRONG_ONSET));
        return new Rhythm(beats, bars, tatums, meter, beatStrength);
    }

    private static TimeInterval interval(double start, double duration, double confidence) {
        return new TimeInterval(Segmenter.round(start, 5), Segmenter.round(Math.max(0, duration), 5), Segmenter.round(confidence, 3));
    }

    /** Per beat: standardised onset strength + standardised bass level + standardised harmonic change. */
    private static double[] accents(double[] times, double[] strengths, Timeline timeline) {
        int n = times.length;
        double[] bass = new double[n];
        double[] change = new double[n];
        double[][] chroma = new double[n][12];
        for (int i = 0; i < n; i++) {
            int from = timeline.frameAt(times[i]);
            int to = Math.max(from + 1, i + 1 < n ? timeline.frameAt(times[i + 1]) : from + 1);
            int count = 0;
            for (int f = from; f < to && f < timeline.frames(); f++) {
                for (int p = 0; p < 12; p++) {
                    chroma[i][p] += timeline.get(f, Timeline.CHROMA + p);
                }
                count++;
            }
            int at = Math.min(from, timeline.frames() - 1);
            if (at >= 0) {
                double low = Math.max(1e-6, timeline.get(at, Timeline.LOW_SHARE));
                bass[i] = timeline.get(at, Timeline.DB) + 10 * Math.log10(low);
            }
            if (count > 0) {
                for (int p = 0; p < 12; p++) {
                    chroma[i][p] /= count;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            double distance = 0;
            for (int p = 0; p < 12; p++) {
                distance += Math.abs(chroma[i][p] - chroma[i - 1][p]);
            }
            change[i] = distance;
        }
        double[] a = standardise(strengths);
        double[] b = standardise(bass);
        double[] c = standardise(change);
        double[] accents = new double[n];
        for (int i = 0; i < n; i++) {
            accents[i] = a[i] + b[i] + c[i];
        }
        return accents;
    }

    private static double[] standardise(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElse(0);
        double variance = 0;
        for (double value : values) {
            variance += (value - mean) * (value - mean) / values.length;
        }
        double std = Math.sqrt(variance);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length && std > 1e-9; i++) {
            out[i] = (values[i] - mean) / std;
        }
        return out;
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(int) Math.floor(q * (sorted.length - 1))];
    }
}
