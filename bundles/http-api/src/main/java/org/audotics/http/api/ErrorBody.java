package org.audotics.http.api;

import java.util.Objects;

/**
 * The documented error body, {@code {"error": {"status": 400, "code": "invalid_parameter", "message": "..."}}},
 * as every answer of this server that is not a success carries it.
 *
 * @param error what went wrong
 */
public record ErrorBody(Detail error) {

    /**
     * @param status  the HTTP status of the answer
     * @param code    machine-readable, snake_case (see {@link ErrorCodes})
     * @param message for people; names the offending parameter or field, never a secret or an internal
     */
    public record Detail(int status, String code, String message) {
        public Detail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    public ErrorBody {
        Objects.requireNonNull(error, "error");
    }

    public static ErrorBody of(int status, String code, String message) {
        return new ErrorBody(new Detail(status, code, message));
    }
}
