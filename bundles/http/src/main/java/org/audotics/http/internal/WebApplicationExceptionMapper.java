package org.audotics.http.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.audotics.http.api.ErrorCodes;

/**
 * Errors Jersey raises itself (no such path, wrong method, wrong media type, ...) in our error body
 * instead of Jersey's empty or HTML answers. The messages are ours: Jersey's may name internal classes.
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        var response = ErrorBody.response(status, code(status), message(status));
        copyHeader(original, response, HttpHeaders.ALLOW);
        copyHeader(original, response, HttpHeaders.WWW_AUTHENTICATE);
        return response.build();
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String header) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }

    static String code(int status) {
        switch (status) {
            case 400: return ErrorCodes.INVALID_PARAMETER;
            case 401: return ErrorCodes.UNAUTHORIZED;
            case 403: return ErrorCodes.FORBIDDEN;
            case 404: return ErrorCodes.NOT_FOUND;
            case 405: return ErrorCodes.METHOD_NOT_ALLOWED;
            case 406: return ErrorCodes.NOT_ACCEPTABLE;
            case 413: return ErrorCodes.PAYLOAD_TOO_LARGE;
            case 415: return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 503: return ErrorCodes.SERVICE_UNAVAILABLE;
            default: return status >= 500 ? ErrorCodes.INTERNAL_ERROR : "http_" + status;
        }
    }

    private static String message(int status) {
        switch (status) {
            case 400: return "the request is malformed";
            case 401: return "a valid bearer token is required";
            case 403: return "the token does not grant the role this operation needs";
            case 404: return "no resource at this path";
            case 405: return "this path does not support the HTTP method; see the Allow header";
            case 406: return "the resource can only produce application/json";
            case 413: return "the request body is too large";
            case 415: return "the request body's Content-Type is not supported here";
            case 503: return "a dependency is unavailable; retry later";
            default: return Response.Status.Family.familyOf(status) == Response.Status.Family.SERVER_ERROR
                    ? "the server failed to answer" : "the request cannot be served (HTTP " + status + ")";
        }
    }
}
