package org.audotics.realtime.channel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /sessions/}: the listening-together page (plain HTML, CSS and JavaScript from this bundle's
 * {@code sessions-page/} resources; nothing is loaded from elsewhere). It talks to the REST API with the
 * signed-in user's token and follows its session over the plain WebSocket ({@link PlainWebSocketServlet}).
 * Only GET and HEAD; an unknown file is 404 and another method 405, in the API's JSON error body.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/sessions/*",
        "osgi.http.whiteboard.servlet.name=audotics-sessions-page"})
public final class SessionsPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String FOLDER = "/sessions-page/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    /** Everything from this server; the WebSocket back to it; the audio from it (the signed audio URLs). */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
            + "connect-src 'self' ws: wss:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            HttpErrors.write(request, response, 405, "method_not_allowed", "this path does not support the HTTP method; see the Allow header");
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            // the page's relative links need the trailing slash
            response.sendRedirect(request.getContextPath() + "/sessions/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        InputStream file = open(name);
        if (file == null) {
            HttpErrors.write(request, response, 404, "not_found", "no resource at this path");
            return;
        }
        try (file) {
            byte[] body = file.readAllBytes();
            response.setStatus(200);
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            // short: a new release's page is picked up within minutes
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setContentLength(body.length);
            if ("GET".equals(request.getMethod())) {
                response.getOutputStream().write(body);
            }
        }
    }

    /** @return the named file of the page, or null for a name that is not one */
    static InputStream open(String name) {
        if (!FILE.matcher(name).matches() || !TYPES.containsKey(name.substring(name.lastIndexOf('.') + 1))) {
            return null;
        }
        return SessionsPageServlet.class.getResourceAsStream(FOLDER + name);
    }
}
