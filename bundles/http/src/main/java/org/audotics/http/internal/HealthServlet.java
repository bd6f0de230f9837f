package org.audotics.http.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.audotics.auth.api.Authenticator;
import org.audotics.auth.api.Roles;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.http.api.ErrorCodes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code GET /health/live}: the process answers HTTP. {@code GET /health/ready}: every required
 * {@link HealthCheck} is registered and up (200), otherwise 503 with the failing checks, so a load
 * balancer sends no traffic to a node whose database or cache is down.
 *
 * <p>A check's detail (server versions, addresses, node ids) helps an attacker: it is shown only to an
 * admin bearer token, or to a caller on the loopback interface while {@code health.detail.localhost} is
 * on; everyone else gets UP/DOWN per check. Only GET and HEAD: any other method is 405 with {@code Allow}.
 */
@Component(service = Servlet.class, configurationPid = HttpConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/health/*",
        "osgi.http.whiteboard.servlet.name=audotics-health"})
@Designate(ocd = HttpConfig.class)
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ALLOW = "GET, HEAD, OPTIONS";
    private static final String BEARER = "Bearer ";
    private static final Pattern LOOPBACK_V4 =
            Pattern.compile("(?i)(::ffff:|0:0:0:0:0:ffff:)?127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final transient Map<String, HealthCheck> checks = new ConcurrentHashMap<>();
    private transient volatile List<String> required;
    private transient volatile boolean detailForLocalhost;

    /** Resolve an admin's token (auth bundle); none registered, only the loopback rule applies. */
    private final transient List<Authenticator> authenticators = new CopyOnWriteArrayList<>();

    @Activate
    public HealthServlet(HttpConfig config) {
        modified(config);
    }

    @Modified
    void modified(HttpConfig config) {
        required = Arrays.stream(config.ready_required_checks().split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
        detailForLocalhost = config.health_detail_localhost();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthenticator(Authenticator authenticator) {
        authenticators.add(authenticator);
    }

    void removeAuthenticator(Authenticator authenticator) {
        authenticators.remove(authenticator);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check, Map<String, Object> properties) {
        checks.put(String.valueOf(properties.get(HealthCheck.NAME)), check);
    }

    void removeCheck(HealthCheck check, Map<String, Object> properties) {
        checks.remove(String.valueOf(properties.get(HealthCheck.NAME)), check);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        switch (request.getMethod()) {
            case "GET", "HEAD" -> super.service(request, response);
            case "OPTIONS" -> {
                response.setHeader("Allow", ALLOW);
                response.setStatus(204);
            }
            default -> {
                response.setHeader("Allow", ALLOW);
                JsonResponses.error(request, response, 405, ErrorCodes.METHOD_NOT_ALLOWED,
                        "this path does not support the HTTP method; see the Allow header");
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/live" -> JsonResponses.write(response, 200, Map.of("status", "UP"));
            case "/ready" -> ready(response, maySeeDetail(request.getRemoteAddr(), request.getHeader("Authorization")));
            default -> JsonResponses.error(request, response, 404, ErrorCodes.NOT_FOUND, "no resource at this path");
        }
    }

    /**
     * Whether a caller may see the checks' detail: an admin bearer token, or the loopback interface while
     * {@code health.detail.localhost} is on. A missing or invalid token is simply anonymous here (a load
     * balancer's probe sends none).
     */
    boolean maySeeDetail(String remoteAddress, String authorization) {
        if (detailForLocalhost && isLoopback(remoteAddress)) {
            return true;
        }
        if (authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            return false;
        }
        for (Authenticator authenticator : authenticators) {
            try {
                if (authenticator.authenticate(token).map(user -> user.hasRole(Roles.ADMIN)).orElse(false)) {
                    return true;
                }
            } catch (RuntimeException unavailable) {
                // this authenticator cannot tell (its database is down): the health answer goes without detail
            }
        }
        return false;
    }

    /**
     * The servlet container's remote address is numeric; matched as text so that nothing here can ever
     * start a name lookup: 127.0.0.0/8, ::1, and 127.0.0.0/8 mapped into IPv6.
     */
    private static boolean isLoopback(String address) {
        return address != null && (LOOPBACK_V4.matcher(address).matches()
                || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }

    private void ready(HttpServletResponse response, boolean detail) throws IOException {
        Map<String, CheckResult> results = new TreeMap<>();
        for (String name : required) {
            results.put(name, CheckResult.of(new HealthStatus(false, "not registered (its bundle is not running)"), detail));
        }
        checks.forEach((name, check) -> results.put(name, CheckResult.of(check.check(), detail)));
        boolean up = required.stream().allMatch(name -> results.get(name).status().equals("UP"))
                && results.values().stream().allMatch(result -> result.status().equals("UP"));
        if (!up) {
            response.setHeader("Retry-After", String.valueOf(ApiExceptionMapper.RETRY_AFTER_SECONDS));
        }
        JsonResponses.write(response, up ? 200 : 503, new Readiness(up ? "UP" : "DOWN", results));
    }

    record Readiness(String status, Map<String, CheckResult> checks) {
    }

    /** {@code detail} is null, and left out of the JSON, for a caller who may not see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckResult(String status, String detail) {
        static CheckResult of(HealthStatus status, boolean withDetail) {
            return new CheckResult(status.up() ? "UP" : "DOWN", withDetail ? status.detail() : null);
        }
    }
}
