package org.audotics.dsp.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.jobs.TrackAnalysis;
import org.junit.jupiter.api.Test;

/** The audio-analysis object's meta block has Spotify's types (the whole object: SpotifyShapesIT). */
class AudioAnalysisObjectTest {

    @Test
    void analysisTimeIsTheSecondsTheAnalysisTookAndTimestampTheEpochSecond() {
        AudioFeatures features = new AudioFeatures(0.1, 0.2, 0.3, 0.4, 7, 0.5, -9, 1, 0.6, 128, 4, 0.7);
        TrackAnalysis analysis = new TrackAnalysis("t1", "0.3.0", 180_000, 0.9, 0.6, 4, 0.8, features,
                "{\"bars\":[],\"beats\":[],\"tatums\":[],\"sections\":[],\"segments\":[]}", 1_764_600_000_123L, 2_345);
        JsonNode meta = new ObjectMapper().valueToTree(AudioAnalysisObject.of(analysis, Map.of())).get("meta");
        assertTrue(meta.get("analysis_time").isNumber(), meta.toString());
        assertEquals(2.345, meta.get("analysis_time").asDouble(), 1e-9);
        assertTrue(meta.get("timestamp").isIntegralNumber());
        assertEquals(1_764_600_000L, meta.get("timestamp").asLong());
    }
}
