package org.audotics.dsp.internal.jobs;

/** The confidences and version of a track's analysis, served beside its audio features. */
public record AnalysisSummary(String analyzerVersion, long durationMs, double tempoConfidence, double keyConfidence,
        double timeSignatureConfidence) {
}
