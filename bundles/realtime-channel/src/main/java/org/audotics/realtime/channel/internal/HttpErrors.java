package org.audotics.realtime.channel.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;

/** The API's JSON error body for refusals before a connection opens (docs/api.md, "Errors"). */
final class HttpErrors {

    private static final String REQUEST_ID_ATTRIBUTE = "org.audotics.request_id";

    private HttpErrors() {
    }

    static void write(javax.servlet.http.HttpServletRequest request, HttpServletResponse response, int status, String code, String message) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode error = ChannelJson.JSON.createObjectNode();
        error.putObject("error").put("status", status).put("code", code).put("message", message);
        Object requestId = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        if (requestId != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) error.get("error")).put("request_id", requestId.toString());
        }
        byte[] body = error.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
