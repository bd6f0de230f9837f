package org.audotics.http.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Builds the documented error body ({@link org.audotics.http.api.ErrorBody}) for this bundle's answers. */
final class ErrorBody {

    private ErrorBody() {
    }

    static org.audotics.http.api.ErrorBody of(int status, String code, String message) {
        return org.audotics.http.api.ErrorBody.of(status, code, message);
    }

    static Response.ResponseBuilder response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(status, code, message));
    }
}
