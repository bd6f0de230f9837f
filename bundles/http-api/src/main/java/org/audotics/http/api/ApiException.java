package org.audotics.http.api;

import java.util.Objects;

/**
 * A client error answered with the documented error body
 * {@code {"error": {"status": 400, "code": "invalid_parameter", "message": "..."}}}.
 *
 * <p>Thrown by REST resources after validating a request; the HTTP bundle maps it to the response. The
 * message is shown to the client as is: it must name the offending parameter or field and never contain
 * a secret. No stack trace is logged for it, because it is an expected outcome.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * @param status  HTTP status, 400..499 or 503
     * @param code    machine-readable error code, snake_case, e.g. {@link ErrorCodes#INVALID_PARAMETER}
     * @param message human-readable explanation
     */
    public ApiException(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if ((status < 400 || status > 499) && status != 503) {
            throw new IllegalArgumentException("status must be a client error (4xx) or 503, was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400 {@code invalid_parameter}: a query parameter is missing, malformed or out of range. */
    public static ApiException invalidParameter(String message) {
        return new ApiException(400, ErrorCodes.INVALID_PARAMETER, message);
    }

    /** 400 {@code invalid_body}: the request body is malformed or a field in it is invalid. */
    public static ApiException invalidBody(String message) {
        return new ApiException(400, ErrorCodes.INVALID_BODY, message);
    }

    /** 404 {@code not_found}: the id in the path names nothing. */
    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    /**
     * 503 {@code service_unavailable}: a dependency this request needs is not available yet (starting,
     * recovering, unreachable); answered with {@code Retry-After}.
     */
    public static ApiException unavailable(String message) {
        return new ApiException(503, ErrorCodes.SERVICE_UNAVAILABLE, message);
    }

    /** 422 with the given code: the request is well-formed but cannot be served as asked. */
    public static ApiException unprocessable(String code, String message) {
        return new ApiException(422, code, message);
    }
}
