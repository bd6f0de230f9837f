package org.audotics.http.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The documented error body: {@code {"error": {"status", "code", "message"}}}. */
record ErrorBody(Detail error) {

    record Detail(int status, String code, String message) {
    }

    static ErrorBody of(int status, String code, String message) {
        return new ErrorBody(new Detail(status, code, message));
    }

    static Response.ResponseBuilder response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(status, code, message));
    }
}
