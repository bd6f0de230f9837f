package org.audotics.dsp.internal.rest;

import java.net.URI;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import org.audotics.dsp.internal.jobs.AnalysisSummary;

/**
 * Spotify's audio-features object (snake_case in JSON), plus, for features our analysis computed, the
 * confidences of tempo, key, mode and time signature and the analyser version (null for imported features).
 */
record AudioFeaturesObject(
        double acousticness,
        String analysisUrl,
        double danceability,
        int durationMs,
        double energy,
        String id,
        double instrumentalness,
        int key,
        double liveness,
        double loudness,
        int mode,
        double speechiness,
        double tempo,
        int timeSignature,
        String trackHref,
        String type,
        String uri,
        double valence,
        Double tempoConfidence,
        Double keyConfidence,
        Double modeConfidence,
        Double timeSignatureConfidence,
        String analyzerVersion) {

    /** @return the object, or null when the track has no features yet */
    static AudioFeaturesObject of(Track track, AnalysisSummary analysis, URI apiBase) {
        AudioFeatures f = track.audioFeatures();
        if (f == null) {
            return null;
        }
        return new AudioFeaturesObject(f.acousticness(), apiBase.resolve("audio-analysis/" + track.id()).toString(),
                f.danceability(), analysis == null ? track.durationMs() : (int) analysis.durationMs(), f.energy(), track.id(), f.instrumentalness(), f.key(), f.liveness(),
                f.loudness(), f.mode(), f.speechiness(), f.tempo(), f.timeSignature(),
                apiBase.resolve("tracks/" + track.id()).toString(), "audio_features", "audotics:track:" + track.id(), f.valence(),
                analysis == null ? null : analysis.tempoConfidence(), analysis == null ? null : analysis.keyConfidence(),
                analysis == null ? null : analysis.keyConfidence(), analysis == null ? null : analysis.timeSignatureConfidence(),
                analysis == null ? null : analysis.analyzerVersion());
    }
}
