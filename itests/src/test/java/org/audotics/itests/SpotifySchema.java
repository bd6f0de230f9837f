package org.audotics.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spotify's published object schemas (a trimmed copy of its OpenAPI description, {@code spotify/schemas.json},
 * source and licence noted there), checked against our JSON answers: what a client generated from that
 * description, or a hand-written one such as spotify-web-api-java, expects to parse.
 *
 * <p>For every field the schema names: the JSON type ({@code integer} must be a whole number without a
 * fraction part, {@code number} any number, {@code string}, {@code boolean}, {@code array},
 * {@code object}), {@code null} only where the schema says {@code nullable}, the {@code enum} values, and
 * the {@code required} fields present. Fields of our own that Spotify does not define are allowed.
 */
final class SpotifySchema {

    private static final JsonNode SCHEMAS = load();

    private SpotifySchema() {
    }

    private static JsonNode load() {
        try (InputStream in = SpotifySchema.class.getResourceAsStream("/spotify/schemas.json")) {
            return new ObjectMapper().readTree(in).get("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param schemaName a name under {@code components.schemas}, e.g. {@code AudioAnalysisObject}
     * @return every mismatch as {@code path: what}, empty when the value fits
     */
    static List<String> mismatches(String schemaName, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(named(schemaName), value, "$", found);
        return found;
    }

    private static JsonNode named(String name) {
        JsonNode schema = SCHEMAS.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name + " in spotify/schemas.json");
        }
        return schema;
    }

    /** A schema with its {@code $ref} and {@code allOf} resolved into one type, property map and required set. */
    private record Resolved(String type, boolean nullable, Map<String, JsonNode> properties, Set<String> required, JsonNode items,
            JsonNode enumValues) {
    }

    private static Resolved resolve(JsonNode schema) {
        String type = null;
        boolean nullable = false;
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        JsonNode items = null;
        JsonNode enumValues = null;
        List<JsonNode> parts = new ArrayList<>(List.of(schema));
        while (!parts.isEmpty()) {
            JsonNode part = parts.remove(0);
            if (part.has("$ref")) {
                String ref = part.get("$ref").asText();
                parts.add(named(ref.substring(ref.lastIndexOf('/') + 1)));
            }
            part.path("allOf").forEach(parts::add);
            if (part.has("type")) {
                type = part.get("type").asText();
            }
            nullable |= part.path("nullable").asBoolean(false);
            for (Map.Entry<String, JsonNode> property : part.path("properties").properties()) {
                properties.put(property.getKey(), property.getValue());
            }
            part.path("required").forEach(name -> required.add(name.asText()));
            if (part.has("items")) {
                items = part.get("items");
            }
            if (part.has("enum")) {
                enumValues = part.get("enum");
            }
        }
        if (type == null && !properties.isEmpty()) {
            type = "object";
        }
        return new Resolved(type, nullable, properties, required, items, enumValues);
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> found) {
        Resolved resolved = resolve(schema);
        if (value == null || value.isNull()) {
            if (!resolved.nullable()) {
                found.add(path + ": null, but Spotify's schema does not allow null here (" + resolved.type() + ")");
            }
            return;
        }
        if (resolved.type() != null && !fits(resolved.type(), value)) {
            found.add(path + ": " + describe(value) + " where Spotify has " + resolved.type());
            return;
        }
        if (resolved.enumValues() != null && !contains(resolved.enumValues(), value)) {
            found.add(path + ": " + value + " is not one of " + resolved.enumValues());
        }
        if (value.isArray() && resolved.items() != null) {
            for (int i = 0; i < value.size(); i++) {
                check(resolved.items(), value.get(i), path + "[" + i + "]", found);
            }
        }
        if (value.isObject()) {
            for (String name : resolved.required()) {
                if (!value.has(name)) {
                    found.add(path + "." + name + ": missing, but required by Spotify's schema");
                }
            }
            for (Map.Entry<String, JsonNode> property : resolved.properties().entrySet()) {
                if (value.has(property.getKey())) {
                    check(property.getValue(), value.get(property.getKey()), path + "." + property.getKey(), found);
                }
            }
        }
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("schema type " + type + " not handled");
        };
    }

    private static boolean contains(JsonNode enumValues, JsonNode value) {
        for (JsonNode allowed : enumValues) {
            if (allowed.equals(value) || allowed.isNumber() && value.isNumber() && allowed.asDouble() == value.asDouble()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode value) {
        String kind = value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isTextual() ? "string"
                : value.isBoolean() ? "boolean" : value.isArray() ? "array" : value.isObject() ? "object" : value.getNodeType().toString();
        String text = value.toString();
        return kind + " " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
