package org.audotics.dsp.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.jobs.StructureJson;
import org.audotics.dsp.internal.jobs.TrackAnalysis;
import org.audotics.dsp.internal.models.RawFeatures;

/**
 * Spotify's audio-analysis object built from a stored analysis, with Spotify's JSON types (checked against
 * its OpenAPI description by SpotifyShapesIT): {@code meta.timestamp} is the epoch second the analysis
 * ended, {@code meta.analysis_time} the seconds it took (a number, not a date). {@code meta.feature_methods}
 * and {@code track.raw_features} (our own measures behind the energy, danceability, valence and acousticness,
 * which are reported on Spotify's scale; absent for analyses before 0.4.0) are our additions.
 */
final class AudioAnalysisObject {

    private AudioAnalysisObject() {
    }

    static Map<String, Object> of(TrackAnalysis measured, Map<String, String> featureMethods) {
        AudioFeatures features = measured.features();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("analyzer_version", measured.analyzerVersion());
        meta.put("platform", "Audotics");
        meta.put("timestamp", measured.analyzedAt() / 1000);
        meta.put("analysis_time", measured.analysisMs() / 1000.0);
        meta.put("status_code", 0);
        meta.put("feature_methods", featureMethods);
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("duration", measured.durationMs() / 1000.0);
        track.put("loudness", features.loudness());
        track.put("tempo", features.tempo());
        track.put("tempo_confidence", measured.tempoConfidence());
        track.put("time_signature", features.timeSignature());
        track.put("time_signature_confidence", measured.timeSignatureConfidence());
        track.put("key", features.key());
        track.put("key_confidence", measured.keyConfidence());
        track.put("mode", features.mode());
        track.put("mode_confidence", measured.keyConfidence());
        RawFeatures raw = measured.raw();
        if (raw != null) {
            Map<String, Object> rawFeatures = new LinkedHashMap<>();
            rawFeatures.put("energy", round(raw.energy()));
            rawFeatures.put("danceability", round(raw.danceability()));
            rawFeatures.put("valence", round(raw.valence()));
            rawFeatures.put("acousticness", round(raw.acousticness()));
            track.put("raw_features", rawFeatures);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meta", meta);
        answer.put("track", track);
        JsonNode structure = StructureJson.parse(measured.structureJson());
        for (String part : new String[] {"bars", "beats", "sections", "segments", "tatums"}) {
            answer.put(part, structure.path(part));
        }
        return answer;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
