package org.audotics.http.api;

import java.util.Objects;

/**
 * The documented error body, {@code {"error": {"status": 400, "code": "invalid_parameter", "message": "...",
 * "request_id": "..."}}}, as every answer of this server that is not a success carries it. The REST stack fills
 * in the request id (the answer's {@code X-Request-Id}) itself: a bundle builds the body without it.
 *
 * @param error what went wrong
 */
public record ErrorBody(Detail error) {

    /**
     * @param status  the HTTP status of the answer
     * @param code    machine-readable, snake_case (see {@link ErrorCodes})
     * @param message for people; names the offending parameter or field, never a secret or an internal
     * @param requestId the id of the request this answers (its {@code X-Request-Id}), or null where none is known
     *                  (left out of the JSON then)
     * @since 1.3.0 (requestId)
     */
    public record Detail(int status, String code, String message, String requestId) {
        public Detail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** A detail without a request id: what bundles build; the REST stack adds the id. */
        public Detail(int status, String code, String message) {
            this(status, code, message, null);
        }

        /** This detail for the request with the given id. */
        public Detail withRequestId(String id) {
            return new Detail(status, code, message, id);
        }
    }

    public ErrorBody {
        Objects.requireNonNull(error, "error");
    }

    public static ErrorBody of(int status, String code, String message) {
        return new ErrorBody(new Detail(status, code, message));
    }
}
