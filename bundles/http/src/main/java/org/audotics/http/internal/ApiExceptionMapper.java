package org.audotics.http.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorResponses;

/** A client error raised by a resource: answered as is, without logging a stack trace. */
final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    /** Seconds a client should wait before retrying after a 503. */
    static final int RETRY_AFTER_SECONDS = ErrorResponses.RETRY_AFTER_SECONDS;

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.of(e);
    }
}
