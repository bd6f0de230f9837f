package org.audotics.catalog.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.InvalidFieldException;
import org.audotics.catalog.api.TrackImport;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;

/**
 * Reads an import body: JSON lines, one track object per line, blank lines ignored. Every problem is a 400
 * naming the line (1-based, counting blank lines) and the field, found before anything is written.
 */
public final class ImportBodyParser {

    /** Longest line accepted, in characters; a track object is far smaller. */
    static final int MAX_LINE_CHARS = 65_536;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // a string field takes a JSON string only: "name": true is refused, not stored as "true"
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    /** The tracks of a body and the line each came from. */
    record ParsedBody(List<TrackImport> tracks, List<Integer> lineNumbers) {
    }

    private ImportBodyParser() {
    }

    static ParsedBody parse(InputStream body) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<TrackImport> tracks = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, decoder))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte order mark (Windows tools write one) is not JSON
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    throw invalid(number, "is longer than " + MAX_LINE_CHARS + " characters");
                }
                if (tracks.size() == CatalogService.MAX_IMPORT_BATCH) {
                    throw new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE,
                            "a batch holds at most " + CatalogService.MAX_IMPORT_BATCH + " tracks; split the body into several requests");
                }
                tracks.add(parseLine(number, line));
                lineNumbers.add(number);
            }
        } catch (CharacterCodingException e) {
            throw ApiException.invalidBody("the body is not valid UTF-8");
        } catch (IOException e) {
            throw ApiException.invalidBody("the body could not be read completely");
        }
        if (tracks.isEmpty()) {
            throw ApiException.invalidBody("the body holds no tracks: send one JSON object per line");
        }
        return new ParsedBody(tracks, lineNumbers);
    }

    private static TrackImport parseLine(int number, String line) {
        try {
            return track(line);
        } catch (RejectedLine e) {
            throw invalid(number, e.reason());
        }
    }

    /** Why a line cannot be imported: the field (empty for the line as a whole) and the reason, without the line number. */
    public static final class RejectedLine extends Exception {

        private static final long serialVersionUID = 1L;

        private final String field;

        RejectedLine(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }

        public String reason() {
            return getMessage();
        }
    }

    /**
     * One line (not blank, without its line break) as a track, validated as {@code POST /v1/catalog/import} does.
     *
     * @throws RejectedLine naming the field and what is wrong with it
     */
    public static TrackImport track(String line) throws RejectedLine {
        ImportLine parsed;
        try {
            parsed = JSON.readValue(line, ImportLine.class);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new RejectedLine("", "must be a JSON object describing one track");
            }
            throw new RejectedLine(path(e), "field '" + path(e) + "' has a value of the wrong type or format");
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                String field = e.getOriginalMessage().replace("Duplicate field", "").trim().replace("'", "");
                throw new RejectedLine(field, "names a field twice: " + e.getOriginalMessage().replace("Duplicate field", "field"));
            }
            throw new RejectedLine("", "is not valid JSON (column " + e.getLocation().getColumnNr() + ")");
        }
        if (parsed == null) {
            throw new RejectedLine("", "must be a JSON object describing one track");
        }
        try {
            return parsed.toTrackImport();
        } catch (InvalidFieldException e) {
            throw new RejectedLine(e.field(), e.getMessage());
        }
    }

    static ApiException invalid(int line, String problem) {
        return ApiException.invalidBody("line " + line + ": " + problem);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
