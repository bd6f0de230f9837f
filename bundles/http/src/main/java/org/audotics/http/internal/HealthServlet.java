package org.audotics.http.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
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
 */
@Component(service = Servlet.class, configurationPid = HttpConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/health/*",
        "osgi.http.whiteboard.servlet.name=audotics-health"})
@Designate(ocd = HttpConfig.class)
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, HealthCheck> checks = new ConcurrentHashMap<>();
    private transient volatile List<String> required;

    @Activate
    public HealthServlet(HttpConfig config) {
        modified(config);
    }

    @Modified
    void modified(HttpConfig config) {
        required = Arrays.stream(config.ready_required_checks().split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check, Map<String, Object> properties) {
        checks.put(String.valueOf(properties.get(HealthCheck.NAME)), check);
    }

    void removeCheck(HealthCheck check, Map<String, Object> properties) {
        checks.remove(String.valueOf(properties.get(HealthCheck.NAME)), check);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/live" -> JsonResponses.write(response, 200, Map.of("status", "UP"));
            case "/ready" -> ready(response);
            default -> JsonResponses.error(response, 404, ErrorCodes.NOT_FOUND, "no resource at this path");
        }
    }

    private void ready(HttpServletResponse response) throws IOException {
        Map<String, CheckResult> results = new TreeMap<>();
        for (String name : required) {
            results.put(name, CheckResult.of(new HealthStatus(false, "not registered (its bundle is not running)")));
        }
        checks.forEach((name, check) -> results.put(name, CheckResult.of(check.check())));
        boolean up = required.stream().allMatch(name -> results.get(name).status().equals("UP"))
                && results.values().stream().allMatch(result -> result.status().equals("UP"));
        if (!up) {
            response.setHeader("Retry-After", String.valueOf(ApiExceptionMapper.RETRY_AFTER_SECONDS));
        }
        JsonResponses.write(response, up ? 200 : 503, new Readiness(up ? "UP" : "DOWN", results));
    }

    record Readiness(String status, Map<String, CheckResult> checks) {
    }

    record CheckResult(String status, String detail) {
        static CheckResult of(HealthStatus status) {
            return new CheckResult(status.up() ? "UP" : "DOWN", status.detail());
        }
    }
}
