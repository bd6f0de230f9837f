package org.audotics.http.internal;

import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import org.audotics.metrics.api.Metrics;

/**
 * {@code audotics.http.requests} (Prometheus {@code audotics_http_requests_seconds_*}): every answer of the REST
 * application by method, route template ({@code unmatched} when no route matched, so a scan of random paths adds
 * no series) and status. The time runs from before matching to the answer's headers: a streamed body is not
 * included. Without a metrics bundle nothing is recorded.
 */
@PreMatching
@Priority(1)
final class HttpMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final String NAME = "audotics.http.requests";
    private static final String STARTED = HttpMetrics.class.getName() + ".started";

    private final Supplier<Metrics> metrics;

    HttpMetrics(Supplier<Metrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Metrics sink = metrics.get();
        if (sink == null || !(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String route = RequestTags.routeOf(request);
        sink.time(NAME, System.nanoTime() - started, "method", request.getMethod(), "route", route == null ? "unmatched" : route,
                "status", Integer.toString(response.getStatus()));
    }
}
