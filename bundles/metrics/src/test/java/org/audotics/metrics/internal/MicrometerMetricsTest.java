package org.audotics.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.metrics.api.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {

    static MetricsConfig config(String scrapeToken, boolean jvm) {
        return new MetricsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MetricsConfig.class;
            }

            @Override
            public String scrape_token() {
                return scrapeToken;
            }

            @Override
            public boolean jvm_metrics() {
                return jvm;
            }
        };
    }

    private final MicrometerMetrics metrics = new MicrometerMetrics(config("", true));

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void aTimingIsAPrometheusHistogramInSecondsWithItsTags() {
        metrics.time("audotics.http.requests", 3_000_000, "method", "GET", "route", "/v1/tracks/{id}", "status", "200");
        metrics.time("audotics.http.requests", 5_000_000, "method", "GET", "route", "/v1/tracks/{id}", "status", "200");
        String text = metrics.scrape();
        assertTrue(text.contains("audotics_http_requests_seconds_count{method=\"GET\",route=\"/v1/tracks/{id}\",status=\"200\"} 2"), text);
        assertTrue(text.contains("audotics_http_requests_seconds_bucket{"), text);
        assertTrue(text.contains("# TYPE audotics_http_requests_seconds histogram"), text);
    }

    @Test
    void countersEndInTotalAndGaugesAreReadAtScrapeAndGoneWhenClosed() {
        metrics.count("audotics.cache.requests", 1, "result", "hit");
        metrics.count("audotics.cache.requests", 2, "result", "hit");
        AtomicInteger depth = new AtomicInteger(7);
        Metrics.Gauge gauge = metrics.gauge("audotics.analysis.queue.depth", "jobs waiting", depth::get);
        String text = metrics.scrape();
        assertTrue(text.contains("audotics_cache_requests_total{result=\"hit\"} 3.0"), text);
        assertTrue(text.contains("audotics_analysis_queue_depth 7.0"), text);
        depth.set(9);
        assertTrue(metrics.scrape().contains("audotics_analysis_queue_depth 9.0"));
        gauge.close();
        assertFalse(metrics.scrape().contains("audotics_analysis_queue_depth"));
    }

    @Test
    void jvmAndProcessMetricsAreThere() {
        String text = metrics.scrape();
        for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds", "system_cpu_count"}) {
            assertTrue(text.contains(name), name);
        }
    }

    @Test
    void badNamesAndOddTagsAreRefusedAtTheCall() {
        assertThrows(IllegalArgumentException.class, () -> metrics.count("Audotics Requests", 1));
        assertThrows(IllegalArgumentException.class, () -> metrics.count("audotics.x", 1, "only-a-key"));
        assertThrows(IllegalArgumentException.class, () -> metrics.count("audotics.x", -1));
        assertThrows(IllegalArgumentException.class, () -> metrics.time("audotics.x", 1, "k", null));
    }

    @Test
    void theServletLetsInTheScrapeTokenAndAdminsOnly() {
        MetricsServlet servlet = new MetricsServlet(metrics, config("prom-secret", false));
        servlet.addAuthenticator(token -> switch (token) {
            case "admin-token" -> Optional.of(new AuthenticatedUser("root", Set.of("admin")));
            case "user-token" -> Optional.of(new AuthenticatedUser("u1", Set.of("user")));
            case "db-down" -> throw new IllegalStateException("database down");
            default -> Optional.empty();
        });
        assertEquals(MetricsServlet.Access.ALLOWED, servlet.access("Bearer prom-secret"));
        assertEquals(MetricsServlet.Access.ALLOWED, servlet.access("bearer admin-token"));
        assertEquals(MetricsServlet.Access.NOT_ADMIN, servlet.access("Bearer user-token"));
        assertEquals(MetricsServlet.Access.ANONYMOUS, servlet.access("Bearer prom-secretX"));
        assertEquals(MetricsServlet.Access.ANONYMOUS, servlet.access("Bearer db-down"));
        assertEquals(MetricsServlet.Access.ANONYMOUS, servlet.access("Basic cHJvbTpzZWNyZXQ="));
        assertEquals(MetricsServlet.Access.ANONYMOUS, servlet.access(null));
        assertEquals(MetricsServlet.Access.ANONYMOUS, servlet.access("Bearer "));
    }
}
