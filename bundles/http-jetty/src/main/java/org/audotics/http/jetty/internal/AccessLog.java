package org.audotics.http.jetty.internal;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the logger {@value #LOGGER} (its own logger, so an admin can route it to its
 * own file or turn it off in {@code etc/org.ops4j.pax.logging.cfg}):
 * {@code GET /v1/tracks/{id} 200 3ms user=… id=…}. The route is the REST template the request matched (set by
 * the REST bundle as {@value #ROUTE_ATTRIBUTE}), not the raw path, so lines group by endpoint and carry no ids
 * from the path; a request no route matched logs its path. The user is the authenticated user's id, or {@code -}.
 */
final class AccessLog {

    static final String LOGGER = "org.audotics.access";
    static final String ROUTE_ATTRIBUTE = "org.audotics.route";
    static final String USER_ATTRIBUTE = "org.audotics.user";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    static void log(HttpServletRequest request, HttpServletResponse response, long startedNanos, String requestId) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(request.getMethod(), request.getAttribute(ROUTE_ATTRIBUTE), request.getRequestURI(),
                    request.getAttribute(USER_ATTRIBUTE), response.getStatus(), (System.nanoTime() - startedNanos) / 1_000_000, requestId));
        }
    }

    static String line(String method, Object route, String path, Object user, int status, long millis, String requestId) {
        return method + ' ' + (route != null ? route : printable(path)) + ' ' + status + ' '
                + millis + "ms user=" + (user != null ? user : "-") + " id=" + requestId;
    }

    /** A path as sent may hold anything; log lines get no control characters and no more than 200 of them. */
    private static String printable(String path) {
        if (path == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(path.length(), 200));
        for (int i = 0; i < path.length() && out.length() < 200; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f || c == ' ' ? '_' : c);
        }
        return out.toString();
    }
}
