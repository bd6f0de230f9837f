package org.audotics.apidocs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /docs}: Swagger UI (from the {@code org.webjars:swagger-ui} jar, copied into this bundle at build time, so
 * no page loads anything from elsewhere) rendering {@code /v1/openapi.json}, and {@code /docs/getting-started.html}.
 * Only GET and HEAD; an unknown file is 404 and another method 405, in the API's JSON error body.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/docs/*",
        "osgi.http.whiteboard.servlet.name=audotics-docs"})
public final class DocsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String REQUEST_ID_ATTRIBUTE = "org.audotics.request_id";
    /** Where the build put the webjar's files; the version is the pom's {@code swagger-ui.version}. */
    static final String SWAGGER_UI = "/swagger-ui/META-INF/resources/webjars/swagger-ui/5.35.0/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            error(request, response, 405, "method_not_allowed", "this path does not support the HTTP method; see the Allow header");
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            // relative links of the page need the trailing slash
            response.sendRedirect(request.getContextPath() + "/docs/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        InputStream file = FILE.matcher(name).matches() ? open(name) : null;
        if (file == null) {
            error(request, response, 404, "not_found", "no resource at this path");
            return;
        }
        try (file) {
            byte[] body = file.readAllBytes();
            response.setStatus(200);
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(body.length);
            if ("GET".equals(request.getMethod())) {
                response.getOutputStream().write(body);
            }
        }
    }

    private static InputStream open(String name) {
        if (!TYPES.containsKey(name.substring(name.lastIndexOf('.') + 1))) {
            return null;
        }
        InputStream own = DocsServlet.class.getResourceAsStream("/docs/" + name);
        return own != null ? own : DocsServlet.class.getResourceAsStream(SWAGGER_UI + name);
    }

    /** The API's error body, written by hand: this bundle has no JSON library at run time, and every value here is ours. */
    private static void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        byte[] body = ("{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message + "\""
                + (id instanceof String requestId ? ",\"request_id\":\"" + requestId + "\"" : "") + "}}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
