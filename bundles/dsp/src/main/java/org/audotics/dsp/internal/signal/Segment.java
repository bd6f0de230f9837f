package org.audotics.dsp.internal.signal;

/**
 * A short stretch of roughly uniform sound, starting at an onset (a note, chord or drum hit): times in
 * seconds, levels in dBFS. {@code pitches} are the 12 pitch-class strengths (C..B) scaled so the
 * strongest is 1; {@code timbre} are the first 12 mel-frequency cepstral coefficients (our basis, not
 * Spotify's unpublished one: coefficient 0 follows loudness, 1 brightness, the rest spectral shape).
 */
public record Segment(double start, double duration, double confidence, double loudnessStart, double loudnessMax,
        double loudnessMaxTime, double loudnessEnd, float[] pitches, float[] timbre) {
}
