package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** CORS as configured: off by default, per origin, preflight answered. */
class CorsFilterTest {

    private static HttpConfig origins(String origins) {
        HttpConfig defaults = HealthServletTest.config(true);
        return new HttpConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HttpConfig.class;
            }

            @Override
            public String ready_required_checks() {
                return defaults.ready_required_checks();
            }

            @Override
            public boolean ready_wait_for_boot() {
                return defaults.ready_wait_for_boot();
            }

            @Override
            public boolean health_detail_localhost() {
                return true;
            }

            @Override
            public String cors_allowed_origins() {
                return origins;
            }

            @Override
            public String cors_allowed_methods() {
                return defaults.cors_allowed_methods();
            }

            @Override
            public String cors_allowed_headers() {
                return defaults.cors_allowed_headers();
            }

            @Override
            public String cors_exposed_headers() {
                return defaults.cors_exposed_headers();
            }

            @Override
            public int cors_max_age_seconds() {
                return defaults.cors_max_age_seconds();
            }
        };
    }

    private record Outcome(ServletFakes.Response response, boolean passedOn) {
    }

    private static Outcome call(String configuredOrigins, String method, Map<String, String> headers) throws Exception {
        CorsFilter filter = new CorsFilter(origins(configuredOrigins));
        ServletFakes.Response response = new ServletFakes.Response();
        AtomicBoolean passedOn = new AtomicBoolean();
        filter.doFilter(ServletFakes.request(method, "/v1/tracks", "203.0.113.9", headers), response.servlet(),
                (req, res) -> passedOn.set(true));
        return new Outcome(response, passedOn.get());
    }

    private static final Map<String, String> PREFLIGHT = Map.of("Origin", "https://app.example",
            "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization");

    @Test
    void offByDefault() throws Exception {
        Outcome outcome = call("", "OPTIONS", PREFLIGHT);
        assertTrue(outcome.passedOn());
        assertNull(outcome.response().headers.get("Access-Control-Allow-Origin"));
    }

    @Test
    void answersThePreflightOfAnAllowedOrigin() throws Exception {
        Outcome outcome = call("https://other.example, https://app.example", "OPTIONS", PREFLIGHT);
        assertFalse(outcome.passedOn());
        assertEquals(204, outcome.response().status);
        Map<String, String> headers = outcome.response().headers;
        assertEquals("https://app.example", headers.get("Access-Control-Allow-Origin"));
        assertEquals("GET, POST, PUT, DELETE, PATCH", headers.get("Access-Control-Allow-Methods"));
        assertEquals("Authorization, Content-Type", headers.get("Access-Control-Allow-Headers"));
        assertEquals("600", headers.get("Access-Control-Max-Age"));
        assertEquals("Origin", headers.get("Vary"));
        assertNull(headers.get("Access-Control-Allow-Credentials"));
    }

    @Test
    void givesOtherOriginsNothing() throws Exception {
        Outcome outcome = call("https://other.example", "OPTIONS", PREFLIGHT);
        assertTrue(outcome.passedOn());
        assertNull(outcome.response().headers.get("Access-Control-Allow-Origin"));
        assertEquals("Origin", outcome.response().headers.get("Vary"));
    }

    @Test
    void marksRealRequestsOfAnAllowedOrigin() throws Exception {
        Outcome outcome = call("https://app.example", "GET", Map.of("Origin", "https://app.example"));
        assertTrue(outcome.passedOn());
        assertEquals("https://app.example", outcome.response().headers.get("Access-Control-Allow-Origin"));
        assertEquals("Location, Retry-After", outcome.response().headers.get("Access-Control-Expose-Headers"));
    }

    @Test
    void aWildcardAllowsEveryOriginWithoutVary() throws Exception {
        Outcome outcome = call("*", "GET", Map.of("Origin", "https://anyone.example"));
        assertEquals("*", outcome.response().headers.get("Access-Control-Allow-Origin"));
        assertNull(outcome.response().headers.get("Vary"));
    }
}
