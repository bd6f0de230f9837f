package org.audotics.dsp.internal.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Sections by novelty (after Foote 2000): the track is summarised in one-second windows (pitch-class
 * profile, timbre and level, each dimension standardised over the track); a boundary is where the mean
 * of the {@value #CONTEXT_WINDOWS} windows before differs most from the mean of those after, at a
 * local maximum that stands half a standard deviation above the mean novelty, at least
 * {@value #MIN_SECTION_SECONDS} s from the previous boundary. Each section is then described like the
 * track: level, tempo, key and mode measured on the section alone.
 */
final class Sectioner {

    static final int CONTEXT_WINDOWS = 8;
    static final double MIN_SECTION_SECONDS = 8;
    private static final double WINDOW_SECONDS = 1;
    private static final int DIMENSIONS = 12 + 12 + 1;

    private Sectioner() {
    }

    static List<Section> sections(Timeline timeline, OnsetEnvelope envelope, double durationSeconds, TempoEstimator.Estimate globalTempo,
            MeterEstimator.Meter meter) {
        List<Boundary> boundaries = boundaries(timeline, durationSeconds);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < boundaries.size() - 1; i++) {
            sections.add(describe(timeline, envelope, boundaries.get(i), boundaries.get(i + 1).time(), globalTempo, meter));
        }
        return sections;
    }

    /** A section start; confidence is its novelty relative to the strongest boundary of the track. */
    private record Boundary(double time, double confidence) {
    }

    /** Section starts (the first is 0, confidence 1) followed by the end of the track. */
    private static List<Boundary> boundaries(Timeline timeline, double durationSeconds) {
        int windowFrames = Math.max(1, (int) Math.round(WINDOW_SECONDS * timeline.framesPerSecond()));
        int windows = timeline.frames() / windowFrames;
        List<Boundary> boundaries = new ArrayList<>();
        boundaries.add(new Boundary(0, 1));
        if (windows >= 2 * CONTEXT_WINDOWS) {
            double[][] summary = standardised(summarise(timeline, windows, windowFrames));
            double[] novelty = novelty(summary);
            double mean = 0;
            double variance = 0;
            for (double value : novelty) {
                mean += value / novelty.length;
            }
            for (double value : novelty) {
                variance += (value - mean) * (value - mean) / novelty.length;
            }
            double threshold = mean + 0.5 * Math.sqrt(variance);
            double last = 0;
            double strongest = java.util.Arrays.stream(novelty).max().orElse(1);
            for (int w = CONTEXT_WINDOWS; w <= windows - CONTEXT_WINDOWS; w++) {
                double time = timeline.time(w * windowFrames);
                if (novelty[w] > threshold && isLocalMax(novelty, w, CONTEXT_WINDOWS / 2) && time - last >= MIN_SECTION_SECONDS
                        && durationSeconds - time >= MIN_SECTION_SECONDS) {
                    boundaries.add(new Boundary(time, novelty[w] / strongest));
                    last = time;
                }
            }
        }
        boundaries.add(new Boundary(durationSeconds, 0));
        return boundaries;
    }

    private static double[][] summarise(Timeline timeline, int windows, int windowFrames) {
        double[][] summary = new double[windows][DIMENSIONS];
        for (int w = 0; w < windows; w++) {
            for (int f = w * windowFrames; f < (w + 1) * windowFrames; f++) {
                for (int p = 0; p < 12; p++) {
                    summary[w][p] += timeline.get(f, Timeline.CHROMA + p) / windowFrames;
                    summary[w][12 + p] += timeline.get(f, Timeline.TIMBRE + 1 + p) / windowFrames;
                }
                summary[w][24] += timeline.get(f, Timeline.DB) / windowFrames;
            }
        }
        return summary;
    }

    private static double[][] standardised(double[][] rows) {
        int dims = rows[0].length;
        for (int d = 0; d < dims; d++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[d] / rows.length;
            }
            double variance = 0;
            for (double[] row : rows) {
                variance += (row[d] - mean) * (row[d] - mean) / rows.length;
            }
            double std = Math.sqrt(variance) + 1e-9;
            for (double[] row : rows) {
                row[d] = (row[d] - mean) / std;
            }
        }
        return rows;
    }

    /** Distance between the mean of the context before each window and the mean of the context from it on. */
    private static double[] novelty(double[][] summary) {
        int n = summary.length;
        int dims = summary[0].length;
        double[][] prefix = new double[n + 1][dims];
        for (int w = 0; w < n; w++) {
            for (int d = 0; d < dims; d++) {
                prefix[w + 1][d] = prefix[w][d] + summary[w][d];
            }
        }
        double[] novelty = new double[n + 1];
        for (int w = CONTEXT_WINDOWS; w <= n - CONTEXT_WINDOWS; w++) {
            double sum = 0;
            for (int d = 0; d < dims; d++) {
                double before = (prefix[w][d] - prefix[w - CONTEXT_WINDOWS][d]) / CONTEXT_WINDOWS;
                double after = (prefix[w + CONTEXT_WINDOWS][d] - prefix[w][d]) / CONTEXT_WINDOWS;
                sum += (after - before) * (after - before);
            }
            novelty[w] = Math.sqrt(sum / dims);
        }
        return novelty;
    }

    private static boolean isLocalMax(double[] values, int at, int radius) {
        for (int i = Math.max(0, at - radius); i <= Math.min(values.length - 1, at + radius); i++) {
            if (values[i] > values[at]) {
                return false;
            }
        }
        return true;
    }

    private static Section describe(Timeline timeline, OnsetEnvelope envelope, Boundary boundary, double end, TempoEstimator.Estimate globalTempo,
            MeterEstimator.Meter meter) {
        double start = boundary.time();
        int first = timeline.frameAt(start);
        int last = Math.max(first + 1, timeline.frameAt(end));
        double power = 0;
        double[] chroma = new double[12];
        int count = 0;
        for (int f = first; f < last && f < timeline.frames(); f++) {
            power += Math.pow(10, timeline.get(f, Timeline.DB) / 10);
            for (int p = 0; p < 12; p++) {
                chroma[p] += timeline.get(f, Timeline.CHROMA + p);
            }
            count++;
        }
        double loudness = count == 0 ? -100 : 10 * Math.log10(power / count + 1e-10);
        TempoEstimator.Estimate tempo = TempoEstimator.estimate(slice(envelope, start, end), envelope.frameRate());
        if (tempo.bpm() == 0) {
            tempo = globalTempo; // too short for its own estimate
        }
        KeyEstimator.Estimate key = KeyEstimator.estimate(chroma);
        return new Section(Segmenter.round(start, 5), Segmenter.round(end - start, 5), Segmenter.round(boundary.confidence(), 3), Segmenter.round(loudness, 3),
                Segmenter.round(tempo.bpm(), 3), Segmenter.round(tempo.confidence(), 3), key.key(), Segmenter.round(key.confidence(), 3),
                key.mode(), Segmenter.round(key.confidence(), 3), meter.beatsPerBar(), Segmenter.round(meter.confidence(), 3));
    }

    private static double[] slice(OnsetEnvelope envelope, double start, double end) {
        int from = envelope.frame(start);
        int to = Math.max(from, envelope.frame(end));
        return java.util.Arrays.copyOfRange(envelope.values(), from, to);
    }
}
