package org.audotics.http.jetty.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The server's error handler (set in {@code etc/jetty.xml}): every answer Jetty writes itself is the API's
 * JSON error body instead of Jetty's HTML page. That covers requests Jetty refuses before any servlet sees
 * them ({@link #badMessageError}: bad request line or percent-encoding, URI or headers over the limit,
 * unknown HTTP version, broken framing) and every {@code sendError} (see {@link EdgeHandler}, which sends
 * the errors of servlet contexts here too).
 *
 * <p>Jetty's own 404 means that no servlet of ours took the request: the {@code audotics-not-found} servlet
 * answers every path once it is registered, so this only happens while the server starts or stops, and is
 * answered 503 with {@code Retry-After} so that clients retry instead of reading "not found". A 404 sent
 * by one of our servlets stays a 404.
 */
public final class JsonErrorHandler extends ErrorHandler {

    /** The name Pax Web gives the servlet that answers 404 in a context where nothing else matches. */
    static final String PAX_WEB_DEFAULT_SERVLET = "default";
    /** The name Jetty gives its own such servlet when a context has none. */
    private static final String JETTY_DEFAULT_SERVLET = "org.eclipse.jetty.servlet.ServletHandler$Default404Servlet";

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // a body for every method (Jetty's default writes none for TRACE, PUT, DELETE...)
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        int status = response.getStatus() == 404 && noApplicationServlet(request) ? 503 : response.getStatus();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.setHeader(EdgeHandler.NOSNIFF_HEADER, "nosniff");
        response.setHeader(EdgeHandler.CSP_HEADER, EdgeHandler.CSP);
        if (status == 503) {
            response.setHeader(HttpHeader.RETRY_AFTER.asString(), String.valueOf(JsonErrors.RETRY_AFTER_SECONDS));
        }
        if (status == 405 && response.getHeader(HttpHeader.ALLOW.asString()) == null) {
            response.setHeader(HttpHeader.ALLOW.asString(), JsonErrors.ALLOWED_METHODS);
        }
        byte[] body = JsonErrors.body(status, RequestIds.of(request));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Whether no servlet of the application took this request: none at all (no context yet), or the
     * default servlet that Pax Web (or Jetty) maps to {@code /} until a servlet of ours does. A 404 that a
     * servlet of ours sends (Jersey's answer to {@code HEAD} on an unknown id) stays a 404.
     */
    private static boolean noApplicationServlet(HttpServletRequest request) {
        Object servlet = request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME);
        return servlet == null || PAX_WEB_DEFAULT_SERVLET.equals(servlet)
                || servlet.toString().startsWith(JETTY_DEFAULT_SERVLET);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(EdgeHandler.NOSNIFF_HEADER, "nosniff");
        fields.put(EdgeHandler.CSP_HEADER, EdgeHandler.CSP);
        // Jetty could not read the request, so no handler saw it: the id is new, and only in this answer.
        String requestId = RequestIds.generated();
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(JsonErrors.body(status, requestId));
    }
}
