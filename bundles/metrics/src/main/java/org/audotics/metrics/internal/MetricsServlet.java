package org.audotics.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.audotics.auth.api.Authenticator;
import org.audotics.auth.api.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code GET /metrics}: every metric in Prometheus' text format, for an admin token or the configured scrape
 * token (metrics show traffic, users' activity and versions: not for anyone). Missing or unknown credentials
 * are 401 with {@code WWW-Authenticate}, a user's token that is not an admin's is 403, other methods 405 — in the
 * API's JSON error body.
 */
@Component(service = Servlet.class, configurationPid = MetricsConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=audotics-metrics"})
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";
    private static final String REQUEST_ID_ATTRIBUTE = "org.audotics.request_id";

    private final transient Scrape scrape;
    private final transient List<Authenticator> authenticators = new CopyOnWriteArrayList<>();
    private transient volatile byte[] scrapeToken;

    @Activate
    public MetricsServlet(@Reference Scrape scrape, MetricsConfig config) {
        this.scrape = scrape;
        modified(config);
    }

    @Modified
    void modified(MetricsConfig config) {
        scrapeToken = config.scrape_token().isBlank() ? null : config.scrape_token().strip().getBytes(StandardCharsets.UTF_8);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthenticator(Authenticator authenticator) {
        authenticators.add(authenticator);
    }

    void removeAuthenticator(Authenticator authenticator) {
        authenticators.remove(authenticator);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            error(request, response, 405, "method_not_allowed", "this path does not support the HTTP method; see the Allow header");
            return;
        }
        switch (access(request.getHeader("Authorization"))) {
            case ALLOWED -> {
                byte[] body = scrape.scrape().getBytes(StandardCharsets.UTF_8);
                response.setStatus(200);
                response.setContentType(Scrape.CONTENT_TYPE);
                response.setHeader("Cache-Control", "no-store");
                response.setContentLength(body.length);
                if ("GET".equals(request.getMethod())) {
                    response.getOutputStream().write(body);
                }
            }
            case NOT_ADMIN -> error(request, response, 403, "forbidden", "GET /metrics needs an admin token or the scrape token");
            case ANONYMOUS -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"audotics\"");
                error(request, response, 401, "unauthorized", "GET /metrics needs an admin token or the scrape token");
            }
        }
    }

    enum Access { ALLOWED, NOT_ADMIN, ANONYMOUS }

    Access access(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Access.ANONYMOUS;
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            return Access.ANONYMOUS;
        }
        byte[] expected = scrapeToken;
        if (expected != null && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            return Access.ALLOWED;
        }
        Access found = Access.ANONYMOUS;
        for (Authenticator authenticator : authenticators) {
            try {
                var user = authenticator.authenticate(token);
                if (user.isPresent()) {
                    if (user.get().hasRole(Roles.ADMIN)) {
                        return Access.ALLOWED;
                    }
                    found = Access.NOT_ADMIN;
                }
            } catch (RuntimeException unavailable) {
                // this authenticator cannot tell (its database is down): the token counts as unknown to it
            }
        }
        return found;
    }

    /** The API's error body, written by hand: this bundle has no JSON library, and every value here is ours. */
    private static void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        byte[] body = ("{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message + "\""
                + (id instanceof String requestId ? ",\"request_id\":\"" + requestId + "\"" : "") + "}}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
