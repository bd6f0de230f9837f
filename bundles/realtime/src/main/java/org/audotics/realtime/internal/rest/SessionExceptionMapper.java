package org.audotics.realtime.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.audotics.realtime.api.SessionException;
import org.osgi.service.component.annotations.Component;

/** The sessions' refusals as the one error body; the codes are listed in docs/api.md. */
@RestResource
@Component(service = SessionExceptionMapper.class)
@Provider
public final class SessionExceptionMapper implements ExceptionMapper<SessionException> {

    /** 409: the session has its {@code max_members} present members. */
    public static final String SESSION_FULL = "session_full";
    /** 403: the host removed the caller from this session; they cannot join it again. */
    public static final String REMOVED_FROM_SESSION = "removed_from_session";
    /** 403: the session's rules let only the host do this. */
    public static final String HOST_ONLY = "host_only";
    /** 409: a move that the order by net votes would undo. */
    public static final String VOTE_ORDER = "vote_order";

    @Override
    public Response toResponse(SessionException e) {
        return ErrorResponses.of(switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case FORBIDDEN -> new ApiException(403, ErrorCodes.FORBIDDEN, e.getMessage());
            case RULE -> new ApiException(403, HOST_ONLY, e.getMessage());
            case FULL -> new ApiException(409, SESSION_FULL, e.getMessage());
            case REMOVED -> new ApiException(403, REMOVED_FROM_SESSION, e.getMessage());
            case INVALID -> ApiException.invalidBody(e.getMessage());
            case CONFLICT -> new ApiException(409, VOTE_ORDER, e.getMessage());
        });
    }
}
