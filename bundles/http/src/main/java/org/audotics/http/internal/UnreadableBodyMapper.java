package org.audotics.http.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.internal.RequestBodyGuard.UnreadableBodyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body that could not be read to its end (see {@link RequestBodyGuard}): the client's fault, 400;
 * a parsed body past its bound ({@link ParsedBodyLimit}), 413.
 */
final class UnreadableBodyMapper implements ExceptionMapper<UnreadableBodyException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableBodyMapper.class);

    @Override
    public Response toResponse(UnreadableBodyException e) {
        if (e instanceof ParsedBodyLimit.BodyTooLargeException) {
            return org.audotics.http.api.ErrorResponses.of(ParsedBodyLimit.tooLarge());
        }
        LOG.debug("Unreadable request body: {}", e.getCause().toString());
        return ErrorBody.response(400, ErrorCodes.INVALID_BODY,
                "the request body ended before its declared length, or its chunked encoding is malformed").build();
    }
}
