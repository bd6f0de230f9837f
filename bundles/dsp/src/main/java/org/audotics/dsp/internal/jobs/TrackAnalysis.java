package org.audotics.dsp.internal.jobs;

/** What the signal analysis measured for a track, as stored. Units as in {@code SignalFeatures}. */
public record TrackAnalysis(String trackId, String analyzerVersion, long durationMs, double loudness, double tempo,
        double tempoConfidence, int key, int mode, double keyConfidence, long analyzedAt) {
}
