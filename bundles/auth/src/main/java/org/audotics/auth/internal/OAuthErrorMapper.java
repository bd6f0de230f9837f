package org.audotics.auth.internal;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Component;

/** Answers an {@link OAuthError} in OAuth 2's error shape, never stored by a cache. */
@RestResource
@Component(service = OAuthErrorMapper.class)
@Provider
public final class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    /** The OAuth 2 error body (RFC 6749 section 5.2). */
    public record Body(String error, String errorDescription) {
    }

    @Override
    public Response toResponse(OAuthError e) {
        Response.ResponseBuilder answer = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(new Body(e.error(), e.getMessage()));
        if (e.retryAfterSeconds() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.challenge() != null) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, e.challenge());
        }
        return answer.build();
    }
}
