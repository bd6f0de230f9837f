package org.audotics.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Writes JSON answers from plain servlets (outside Jersey) with the API's JSON settings. */
final class JsonResponses {

    private static final ObjectMapper MAPPER = ApiObjectMapper.create();

    private JsonResponses() {
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        MAPPER.writeValue(response.getOutputStream(), body);
    }

    static void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        Object id = request.getAttribute(RequestTags.REQUEST_ID_ATTRIBUTE);
        org.audotics.http.api.ErrorBody body = ErrorBody.of(status, code, message);
        write(response, status, id instanceof String requestId ? new org.audotics.http.api.ErrorBody(body.error().withRequestId(requestId)) : body);
    }
}
