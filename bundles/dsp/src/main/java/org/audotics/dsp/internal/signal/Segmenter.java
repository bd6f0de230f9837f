package org.audotics.dsp.internal.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a track into segments at its onsets and describes each from the timeline frames it covers:
 * level at start, peak and end, the time of the peak, mean pitch-class profile and mean timbre. A
 * segment's confidence is its onset's strength relative to the 95th percentile of all onsets.
 */
final class Segmenter {

    private Segmenter() {
    }

    static List<Segment> segments(OnsetEnvelope envelope, int[] onsets, Timeline timeline, double durationSeconds) {
        List<Double> starts = new ArrayList<>();
        List<Double> strengths = new ArrayList<>();
        starts.add(0.0);
        strengths.add(0.0);
        for (int onset : onsets) {
            double time = envelope.time(onset);
            if (time - starts.get(starts.size() - 1) >= OnsetEnvelope.MIN_GAP_SECONDS && time < durationSeconds - OnsetEnvelope.MIN_GAP_SECONDS) {
                starts.add(time);
                strengths.add(envelope.values()[onset]);
            } else if (starts.size() == 1 && time < OnsetEnvelope.MIN_GAP_SECONDS) {
                strengths.set(0, envelope.values()[onset]); // an onset at the very start opens the first segment
            }
        }
        double reference = percentile95(strengths);
        List<Segment> segments = new ArrayList<>(starts.size());
        for (int s = 0; s < starts.size(); s++) {
            double start = starts.get(s);
            double end = s + 1 < starts.size() ? starts.get(s + 1) : durationSeconds;
            segments.add(describe(timeline, start, end, reference <= 0 ? 0 : Math.min(1, strengths.get(s) / reference)));
        }
        return segments;
    }

    private static Segment describe(Timeline timeline, double start, double end, double confidence) {
        int first = Math.min(timeline.frameAt(start), Math.max(0, timeline.frames() - 1));
        int last = Math.max(first + 1, Math.min(timeline.frameAt(end), timeline.frames()));
        double max = Double.NEGATIVE_INFINITY;
        double maxTime = 0;
        float[] pitches = new float[12];
        float[] timbre = new float[12];
        for (int f = first; f < last && f < timeline.frames(); f++) {
            double db = timeline.get(f, Timeline.DB);
            if (db > max) {
                max = db;
                maxTime = Math.max(0, timeline.time(f) - start);
            }
            for (int p = 0; p < 12; p++) {
                pitches[p] += timeline.get(f, Timeline.CHROMA + p);
                timbre[p] += timeline.get(f, Timeline.TIMBRE + p);
            }
        }
        int count = Math.max(1, Math.min(last, timeline.frames()) - first);
        float strongest = 0;
        for (int p = 0; p < 12; p++) {
            strongest = Math.max(strongest, pitches[p]);
            timbre[p] = (float) round(timbre[p] / count * 10, 3);
        }
        for (int p = 0; p < 12; p++) {
            pitches[p] = strongest > 0 ? (float) round(pitches[p] / strongest, 3) : 0;
        }
        double loudnessStart = timeline.frames() == 0 ? -100 : timeline.get(first, Timeline.DB);
        double loudnessEnd = timeline.frames() == 0 ? -100 : timeline.get(Math.min(last, timeline.frames()) - 1, Timeline.DB);
        return new Segment(round(start, 5), round(end - start, 5), round(confidence, 3), round(loudnessStart, 3),
                round(Double.isInfinite(max) ? loudnessStart : max, 3), round(maxTime, 5), round(loudnessEnd, 3), pitches, timbre);
    }

    private static double percentile95(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

}
