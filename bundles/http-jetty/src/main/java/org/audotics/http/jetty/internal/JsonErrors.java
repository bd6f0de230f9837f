package org.audotics.http.jetty.internal;

import java.nio.charset.StandardCharsets;

/**
 * The error body of the API ({@code {"error":{"status","code","message","request_id"}}}, docs/api.md) for the
 * answers Jetty gives itself. Written by hand: this fragment sees only what Pax Web's Jetty bundle
 * imports, which is no JSON library. Codes and messages are fixed strings of ours, never Jetty's reason
 * (which may quote the request).
 */
final class JsonErrors {

    /** Seconds a client should wait after a 503; the same value as the REST application's. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** What a client may send; anything else is answered 501. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH";

    private JsonErrors() {
    }

    /** The body for {@code status}; {@code requestId} is one {@link RequestIds} let through, so it needs no escaping. */
    static byte[] body(int status, String requestId) {
        return ("{\"error\":{\"status\":" + status + ",\"code\":\"" + code(status) + "\",\"message\":\""
                + message(status) + "\",\"request_id\":\"" + requestId + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The values of org.audotics.http.api.ErrorCodes, spelled out: this fragment lives in Jetty's class space
     * and is attached before any Audotics bundle starts, so it imports nothing of ours.
     */
    static String code(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 501 -> "not_implemented";
            case 503 -> "service_unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (request line, URI encoding, header or body framing)";
            case 404 -> "no resource at this path";
            case 405 -> "this path does not support the HTTP method; see the Allow header";
            case 408 -> "the request was not received in time";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long";
            case 415 -> "the request body's Content-Type is not supported here";
            case 431 -> "the request headers are too large";
            case 501 -> "the HTTP method is not implemented by this server";
            case 503 -> "the server is starting or stopping; retry later";
            case 505 -> "only HTTP/1.0 and HTTP/1.1 are supported";
            default -> status >= 500 ? "the server failed to answer" : "the request cannot be served (HTTP " + status + ")";
        };
    }
}
