package org.audotics.library.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.audotics.http.api.ApiException;

/**
 * Spotify's {@code fields} parameter of {@code GET /v1/playlists/{id}} and {@code .../tracks}: a comma-separated list of
 * field names, each optionally followed by the fields to keep inside it in parentheses
 * ({@code name,tracks.items(added_at,track(name,id))} — a dot is the same as one level of parentheses). Only the named
 * fields are answered; inside an array the sub-fields apply to each element; a name the object does not have is left
 * out. Spotify's exclusions ({@code !field}) are not supported: 400 {@code invalid_parameter}, as is any other syntax
 * error.
 */
final class FieldFilter {

    private static final int MAX_LENGTH = 1_000;
    /** The public API's JSON names: snake_case, as the http bundle's mapper writes them. */
    private static final ObjectMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    /** Field name to what to keep inside it (empty: all of it). */
    private final Map<String, FieldFilter> fields;

    private FieldFilter(Map<String, FieldFilter> fields) {
        this.fields = fields;
    }

    /** @return the filter, or null when {@code fields} is absent (the whole object is answered) */
    static FieldFilter parse(String fields) {
        if (fields == null) {
            return null;
        }
        if (fields.length() > MAX_LENGTH) {
            throw ApiException.invalidParameter("fields must be at most " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(fields);
        FieldFilter filter = parser.list();
        if (parser.at < fields.length()) {
            throw parser.error("unexpected '" + fields.charAt(parser.at) + "'");
        }
        return filter;
    }

    /** @return the value as JSON with only the named fields (the whole value when the filter is null) */
    static Object apply(FieldFilter filter, Object value) {
        if (filter == null) {
            return value;
        }
        return filter.keep(JSON.valueToTree(value));
    }

    private JsonNode keep(JsonNode node) {
        if (fields.isEmpty()) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode kept = JSON.createArrayNode();
            node.forEach(element -> kept.add(keep(element)));
            return kept;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode kept = JSON.createObjectNode();
        fields.forEach((name, inner) -> {
            if (node.has(name)) {
                kept.set(name, inner.keep(node.get(name)));
            }
        });
        return kept;
    }

    /** {@code list := field (',' field)*; field := name ('.' field | '(' list ')')?} */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        FieldFilter list() {
            Map<String, FieldFilter> fields = new LinkedHashMap<>();
            do {
                field(fields);
            } while (accept(','));
            return new FieldFilter(fields);
        }

        private void field(Map<String, FieldFilter> into) {
            if (at < text.length() && text.charAt(at) == '!') {
                throw error("exclusions ('!') are not supported; name the fields to keep");
            }
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw error("a field name is expected");
            }
            String name = text.substring(start, at);
            FieldFilter inner;
            if (accept('.')) {
                Map<String, FieldFilter> one = new LinkedHashMap<>();
                field(one);
                inner = new FieldFilter(one);
            } else if (accept('(')) {
                inner = list();
                if (!accept(')')) {
                    throw error("')' is expected");
                }
            } else {
                inner = new FieldFilter(Map.of());
            }
            into.merge(name, inner, FieldFilter::merge);
        }

        private boolean accept(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        ApiException error(String what) {
            return ApiException.invalidParameter("fields: " + what + " at character " + (at + 1)
                    + " (supported: names separated by commas, with sub-fields in parentheses or after a dot, e.g. items(track(name)))");
        }
    }

    /** {@code a(b),a(c)} keeps both; a field named whole ({@code a}) keeps all of it. */
    private static FieldFilter merge(FieldFilter one, FieldFilter other) {
        if (one.fields.isEmpty() || other.fields.isEmpty()) {
            return new FieldFilter(Map.of());
        }
        Map<String, FieldFilter> merged = new LinkedHashMap<>(one.fields);
        other.fields.forEach((name, inner) -> merged.merge(name, inner, FieldFilter::merge));
        return new FieldFilter(merged);
    }
}
