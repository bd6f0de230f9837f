package org.audotics.http.api;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Turns an {@link ApiException} into the JAX-RS answer with the documented {@link ErrorBody}. For the
 * {@code ExceptionMapper}s a bundle registers (as a {@link RestResource} component) for the exceptions of
 * its own API, so the translation of a domain failure into HTTP lives beside that domain and the HTTP
 * bundle needs no special case for it:
 *
 * <pre>{@code
 * @RestResource
 * @Component(service = UnknownSeedMapper.class)
 * @Provider
 * public final class UnknownSeedMapper implements ExceptionMapper<UnknownSeedException> {
 *     public Response toResponse(UnknownSeedException e) {
 *         return ErrorResponses.of(ApiException.unprocessable("unknown_seed", e.getMessage()));
 *     }
 * }
 * }</pre>
 */
public final class ErrorResponses {

    /** Seconds a client is asked to wait ({@code Retry-After}) before retrying a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private ErrorResponses() {
    }

    /** The answer for {@code e}: its status, JSON error body, and {@code Retry-After} on a 503. */
    public static Response of(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.status(), e.code(), e.getMessage()));
        if (e.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
