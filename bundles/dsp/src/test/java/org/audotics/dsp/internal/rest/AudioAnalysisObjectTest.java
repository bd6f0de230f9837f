package org.audotics.dsp.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.jobs.TrackAnalysis;
import org.audotics.dsp.internal.models.RawFeatures;
import org.junit.jupiter.api.Test;

/** The audio-analysis object's meta block has Spotify's types (the whole object: SpotifyShapesIT). */
class AudioAnalysisObjectTest {

    @Test
    void analysisTimeIsTheSecondsTheAnalysisTookAndTimestampTheEpochSecond() {
        AudioFeatures features = new AudioFeatures(0.1, 0.2, 0.3, 0.4, 7, 0.5, -9, 1, 0.6, 128, 4, 0.7);
        TrackAnalysis analysis = new TrackAnalysis("t1", "0.4.0", 180_000, 0.9, 0.6, 4, 0.8, features, null,
                "{\"bars\":[],\"beats\":[],\"tatums\":[],\"sections\":[],\"segments\":[]}", 1_764_600_000_123L, 2_345);
        JsonNode meta = new ObjectMapper().valueToTree(AudioAnalysisObject.of(analysis, Map.of())).get("meta");
        assertTrue(meta.get("analysis_time").isNumber(), meta.toString());
        assertEquals(2.345, meta.get("analysis_time").asDouble(), 1e-9);
        assertTrue(meta.get("timestamp").isIntegralNumber());
        assertEquals(1_764_600_000L, meta.get("timestamp").asLong());
        assertTrue(new ObjectMapper().valueToTree(AudioAnalysisObject.of(analysis, Map.of())).get("track").path("raw_features").isMissingNode(),
                "an analysis stored before 0.4.0 has no raw measures to show");
    }

    @Test
    void theRawMeasuresBehindTheMappedFeaturesAreServedBesideTheTracksFigures() {
        AudioFeatures features = new AudioFeatures(0.1, 0.2, 0.3, 0.4, 7, 0.5, -9, 1, 0.6, 128, 4, 0.7);
        TrackAnalysis analysis = new TrackAnalysis("t1", "0.4.0", 180_000, 0.9, 0.6, 4, 0.8, features, new RawFeatures(0.41, 0.52, 0.63, 0.0004),
                "{\"bars\":[],\"beats\":[],\"tatums\":[],\"sections\":[],\"segments\":[]}", 1_764_600_000_123L, 2_345);
        JsonNode track = new ObjectMapper().valueToTree(AudioAnalysisObject.of(analysis, Map.of())).get("track");
        JsonNode raw = track.get("raw_features");
        assertEquals(0.41, raw.get("energy").asDouble(), 1e-9);
        assertEquals(0.52, raw.get("danceability").asDouble(), 1e-9);
        assertEquals(0.63, raw.get("valence").asDouble(), 1e-9);
        assertEquals(0.0, raw.get("acousticness").asDouble(), 1e-9, "rounded to 3 decimals like the features");
        assertEquals(4, raw.size(), raw.toString());
    }
}
