package org.audotics.dsp.internal.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.audotics.dsp.internal.signal.TrackStructure;

/** The time structure as stored and served: Spotify's audio-analysis arrays, snake_case, in JSON. */
public final class StructureJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private StructureJson() {
    }

    /** {@code {"bars": [...], "beats": [...], "tatums": [...], "sections": [...], "segments": [...]}} */
    public static String of(TrackStructure structure) {
        try {
            return MAPPER.writeValueAsString(structure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the structure could not be written as JSON", e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored structure is not valid JSON", e);
        }
    }
}
