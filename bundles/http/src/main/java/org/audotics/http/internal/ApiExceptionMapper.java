package org.audotics.http.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ApiException;

/** A client error raised by a resource: answered as is, without logging a stack trace. */
final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    /** Seconds a client should wait before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(ApiException e) {
        var response = ErrorBody.response(e.status(), e.code(), e.getMessage());
        if (e.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
