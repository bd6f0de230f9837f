package org.audotics.http.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ErrorCodes;

/**
 * A request body that is not valid JSON, or JSON of the wrong shape: 400 naming the place or the field,
 * without Jackson's own message (it names our internal classes).
 */
final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return ErrorBody.response(400, ErrorCodes.INVALID_BODY, describe(e)).build();
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof StrictTextDeserializer.TextFieldException text) {
                return "field '" + field + "' " + text.problem();
            }
            return "field '" + field + "' has a value of the wrong type or format";
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return "the body names a field twice: " + e.getOriginalMessage().replace("Duplicate field", "field");
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return "the body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return "the body is not valid JSON";
    }
}
