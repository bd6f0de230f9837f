package org.audotics.realtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The JSON columns of a queue item the server added: for whom ({@code for_members}) and their satisfaction. */
final class ItemJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of ids or a map of numbers is always JSON", e);
        }
    }

    static List<String> members(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    static Map<String, Double> satisfaction(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<Map<String, Double>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a queue item's JSON column is not what this bundle writes: " + json, e);
        }
    }
}
