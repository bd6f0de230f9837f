package org.audotics.http.internal;

import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ErrorCodes;
import org.audotics.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other mapper handles. A database that cannot be reached is a 503 with {@code Retry-After};
 * a change that lost a race against a concurrent one (a uniqueness constraint) is a 409; everything else is a bug: a 500 whose message carries an error id, logged with its stack trace under
 * the same id so an operator can find it. The client never sees the exception.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof StorageException storage && storage.unavailable()) {
            LOG.warn("Database unavailable: {}", storage.getMessage());
            return ErrorBody.response(503, ErrorCodes.SERVICE_UNAVAILABLE, "the database is unavailable; retry later")
                    .header("Retry-After", ApiExceptionMapper.RETRY_AFTER_SECONDS).build();
        }
        if (e instanceof StorageException storage && storage.reason() == StorageException.Reason.CONFLICT) {
            LOG.info("Conflicting concurrent change: {}", storage.getMessage());
            return ErrorBody.response(409, ErrorCodes.CONFLICT,
                    "a concurrent change conflicted with this request; retry it").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, error id {}", errorId, e);
        return ErrorBody.response(500, ErrorCodes.INTERNAL_ERROR,
                "the server failed to answer; quote error id " + errorId + " when reporting it").build();
    }
}
