package org.audotics.http.api;

/**
 * The {@code code} values of the error body that every bundle shares. A bundle may add its own codes
 * (snake_case) for errors only it produces; these are the common ones, documented in docs/api.md.
 */
public final class ErrorCodes {

    /** 400: a query or path parameter is missing, malformed or out of range. */
    public static final String INVALID_PARAMETER = "invalid_parameter";
    /** 400: the body is not well-formed JSON, or a field in it is invalid. */
    public static final String INVALID_BODY = "invalid_body";
    /** 401: no credentials, or credentials that are not valid. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 403: valid credentials without the role the operation needs. */
    public static final String FORBIDDEN = "forbidden";
    /**
     * 403: a valid token without an OAuth scope the operation needs ({@link RequiresScope}).
     *
     * @since 1.2
     */
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    /** 404: no such resource (unknown id or unknown path). */
    public static final String NOT_FOUND = "not_found";
    /** 409: the request conflicts with the current state or with a concurrent change. */
    public static final String CONFLICT = "conflict";
    /** 405: the path exists but not with this HTTP method. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** 406: the client accepts no media type we can produce. */
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    /** 413: the body is larger than the configured limit. */
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** 415: the body's media type is not one this endpoint reads. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /** 400: the HTTP request itself could not be parsed (bad percent-encoding, request line, header, media type). */
    public static final String INVALID_REQUEST = "invalid_request";
    /** 414: the request line is longer than the server accepts. */
    public static final String URI_TOO_LONG = "uri_too_long";
    /** 431: the request headers are larger than the server accepts. */
    public static final String HEADERS_TOO_LARGE = "headers_too_large";
    /** 501: an HTTP method this server does not implement. */
    public static final String NOT_IMPLEMENTED = "not_implemented";
    /** 505: an HTTP version other than 1.0 and 1.1. */
    public static final String HTTP_VERSION_NOT_SUPPORTED = "http_version_not_supported";
    /** 500: an unexpected failure; the message carries an error id that is also logged. */
    public static final String INTERNAL_ERROR = "internal_error";
    /** 503: a dependency (database, cache, engine) is down; retry later. */
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    private ErrorCodes() {
    }
}
