package org.audotics.http.internal;

import javax.ws.rs.ProcessingException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.internal.RequestBodyGuard.UnreadableBodyException;

/**
 * Jersey wraps an I/O failure in a {@link ProcessingException} when it happens while Jersey itself looks
 * at the body (whether there is one at all, before any reader runs). An unreadable body is still the
 * client's fault; any other processing failure is ours, answered as every unexpected exception.
 */
final class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    private final UnreadableBodyMapper unreadable = new UnreadableBodyMapper();
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableBodyException body) {
                return unreadable.toResponse(body);
            }
        }
        return unexpected.toResponse(e);
    }
}
