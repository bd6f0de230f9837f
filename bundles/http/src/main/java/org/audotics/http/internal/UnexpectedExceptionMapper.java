package org.audotics.http.internal;

import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other mapper handles is a bug: a 500 whose message carries an error id, logged with its
 * stack trace under the same id so an operator can find it. The client never sees the exception.
 * Domain failures that are not bugs (a database that is unavailable, a conflicting change, an unknown
 * seed) are mapped by their own bundles' mappers, registered as {@code @RestResource} providers.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, error id {}", errorId, e);
        return ErrorBody.response(500, ErrorCodes.INTERNAL_ERROR,
                "the server failed to answer; quote error id " + errorId + " when reporting it").build();
    }
}
