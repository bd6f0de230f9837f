package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The API's JSON error body for refusals before a connection opens (docs/api.md, "Errors"). */
final class HttpErrors {

    private static final String REQUEST_ID_ATTRIBUTE = "org.audotics.request_id";

    private HttpErrors() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message) throws IOException {
        ObjectNode body = ChannelJson.JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("status", status).put("code", code).put("message", message);
        Object requestId = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        if (requestId != null) {
            error.put("request_id", requestId.toString());
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
