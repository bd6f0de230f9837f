package org.audotics.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        write(response, status, ErrorBody.of(status, code, message));
    }
}
