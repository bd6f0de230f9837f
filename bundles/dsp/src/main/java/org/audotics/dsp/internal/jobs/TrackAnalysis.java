package org.audotics.dsp.internal.jobs;

import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.models.RawFeatures;

/**
 * What the analysis found for a track, as stored: the measured signal values (units as in
 * {@code SignalFeatures}), the features (on Spotify's scale), our raw measures behind the mapped ones, and the
 * time structure as Spotify-shaped JSON.
 *
 * @param raw our measures before the mapping to Spotify's scale; null for analyses stored before 0.4.0
 * @param analyzedAt when the analysis ended, epoch ms
 * @param analysisMs how long it took (decoding included), ms; 0 when unknown (stored before this was recorded)
 */
public record TrackAnalysis(String trackId, String analyzerVersion, long durationMs, double tempoConfidence, double keyConfidence,
        int timeSignature, double timeSignatureConfidence, AudioFeatures features, RawFeatures raw, String structureJson, long analyzedAt, long analysisMs) {
}
