package org.audotics.http.jetty.internal;

import java.io.EOFException;
import java.io.IOException;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.util.log.Log;
import org.eclipse.jetty.util.log.Logger;
import org.slf4j.MDC;

/**
 * Wraps all of Pax Web's handlers (inserted by {@code etc/jetty.xml}), so it sees every request that
 * Jetty parsed, before any servlet context:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} on every answer, and a {@code Content-Security-Policy} that
 * lets nothing load or frame it (the API serves JSON; an HTML page that needs more sets its own);</li>
 * <li>a request id ({@link RequestIds}) on every answer and in every log line of the request, and one access-log
 * line per request ({@link AccessLog});</li>
 * <li>{@code TRACE} is refused with 405 and {@code Allow}, an unknown method with 501;</li>
 * <li>an error raised inside a servlet context ({@code sendError}, or an exception no servlet caught) is
 * rendered by the server's {@link JsonErrorHandler}. Pax Web gives each context its own HTML error handler
 * and Jetty uses the context's if the error names one, so the context is forgotten here. (This server
 * registers no whiteboard error pages, which that handler would otherwise serve.)</li>
 * </ul>
 */
public final class EdgeHandler extends HandlerWrapper {

    static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    static final String CSP_HEADER = "Content-Security-Policy";
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    private static final Logger LOG = Log.getLogger(EdgeHandler.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, requestId);
        response.setHeader(NOSNIFF_HEADER, "nosniff");
        response.setHeader(CSP_HEADER, CSP);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            answer(target, baseRequest, request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AccessLogOnCompletion(started, requestId));
            } else {
                AccessLog.log(request, response, started, requestId);
            }
        }
    }

    private void answer(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!METHODS.contains(method)) {
            baseRequest.setHandled(true);
            if ("TRACE".equals(method)) {
                response.setHeader(HttpHeader.ALLOW.asString(), JsonErrors.ALLOWED_METHODS);
                response.sendError(405);
            } else {
                response.sendError(501);
            }
            return;
        }
        try {
            super.handle(target, baseRequest, request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            int status = statusOf(e);
            if (status >= 500) {
                LOG.warn("Unhandled failure answering " + method + " " + request.getRequestURI(), e);
            }
            baseRequest.setHandled(true);
            response.sendError(status);
        } finally {
            baseRequest.removeAttribute(ErrorHandler.ERROR_CONTEXT);
        }
    }

    /** 400 for a request Jetty could not read (bad framing, a body that ended early), else 500. */
    static int statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad) {
                return bad.getCode();
            }
            if (cause instanceof EOFException) {
                return 400;
            }
        }
        return 500;
    }
}
