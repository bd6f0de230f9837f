package org.audotics.http.internal;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * CORS for every path (a whiteboard filter in front of all our servlets), as {@code cors.*} in
 * {@code etc/org.audotics.http.cfg} allows; off while no origin is listed. A preflight from an allowed
 * origin is answered here (204); from any other origin it gets no CORS headers, which the browser reads as
 * a refusal. {@code Vary: Origin} on every answer that depends on the origin, so caches keep them apart.
 */
@Component(service = Filter.class, configurationPid = HttpConfig.PID, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=audotics-cors",
        // in front of asynchronous servlets too (Socket.IO long polling): a filter that is not marked so refuses them
        "osgi.http.whiteboard.filter.asyncSupported=true"})
public final class CorsFilter implements Filter {

    private volatile CorsPolicy policy;

    @Activate
    public CorsFilter(HttpConfig config) {
        modified(config);
    }

    @Modified
    void modified(HttpConfig config) {
        policy = CorsPolicy.of(config);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        CorsPolicy current = policy;
        String origin = request.getHeader("Origin");
        if (!current.enabled() || origin == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!current.anyOrigin()) {
            response.addHeader("Vary", "Origin");
        }
        boolean preflight = CorsPolicy.isPreflight(request.getMethod(), origin, request.getHeader("Access-Control-Request-Method"));
        if (!current.allows(origin)) {
            chain.doFilter(request, response);
            return;
        }
        current.headersFor(origin, preflight).forEach(response::setHeader);
        if (preflight) {
            response.setStatus(204);
            return;
        }
        chain.doFilter(request, response);
    }
}
