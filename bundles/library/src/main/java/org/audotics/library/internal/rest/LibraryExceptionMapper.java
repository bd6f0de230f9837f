package org.audotics.library.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.audotics.library.api.LibraryException;
import org.osgi.service.component.annotations.Component;

/** The library's refusals as the one error body; the codes are listed in docs/api.md. */
@RestResource
@Component(service = LibraryExceptionMapper.class)
@Provider
public final class LibraryExceptionMapper implements ExceptionMapper<LibraryException> {

    /** 409: a positional change sent with a snapshot_id that is not the playlist's current one. */
    public static final String STALE_SNAPSHOT = "stale_snapshot";
    /** 400: the change would make the playlist longer than 10 000 tracks. */
    public static final String PLAYLIST_FULL = "playlist_full";

    @Override
    public Response toResponse(LibraryException e) {
        return ErrorResponses.of(switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case FORBIDDEN -> new ApiException(403, ErrorCodes.FORBIDDEN, e.getMessage());
            case STALE_SNAPSHOT -> new ApiException(409, STALE_SNAPSHOT, e.getMessage());
            case INVALID -> ApiException.invalidBody(e.getMessage());
            case PLAYLIST_FULL -> new ApiException(400, PLAYLIST_FULL, e.getMessage());
        });
    }
}
