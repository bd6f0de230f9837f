package org.audotics.dsp.internal.jobs;

import org.audotics.catalog.api.AudioFeatures;

/**
 * What the analysis found for a track, as stored: the measured signal values (units as in
 * {@code SignalFeatures}), the features, and the time structure as Spotify-shaped JSON.
 *
 * @param analyzedAt when the analysis ended, epoch ms
 * @param analysisMs how long it took (decoding included), ms; 0 when unknown (stored before this was recorded)
 */
public record TrackAnalysis(String trackId, String analyzerVersion, long durationMs, double tempoConfidence, double keyConfidence,
        int timeSignature, double timeSignatureConfidence, AudioFeatures features, String structureJson, long analyzedAt, long analysisMs) {
}
