package org.audotics.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /.well-known/jwks.json}: the public keys access tokens are signed with (RFC 7517), for
 * anyone who verifies our tokens. Public keys only; other methods are 405 with our error body.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/.well-known/jwks.json",
        "osgi.http.whiteboard.servlet.name=audotics-jwks"})
public final class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Verifiers may cache the set briefly; one that meets an unknown kid fetches it again. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final transient SigningKeys keys;

    @Activate
    public JwksServlet(@Reference SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD");
            write(response, "{\"error\":{\"status\":405,\"code\":\"method_not_allowed\",\"message\":\"" + method
                    .replaceAll("[^A-Za-z0-9_-]", "") + " is not allowed here: use GET\"}}", method);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        write(response, keys.jwks(), method);
    }

    private static void write(HttpServletResponse response, String json, String method) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        if (!method.equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }
}
