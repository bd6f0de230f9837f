package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.junit.jupiter.api.Test;

/** Who sees /health/ready's detail, and what other methods get. */
class HealthServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpConfig config(boolean detailForLocalhost) {
        return new HttpConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HttpConfig.class;
            }

            @Override
            public String ready_required_checks() {
                return "database";
            }

            @Override
            public boolean ready_wait_for_boot() {
                return true;
            }

            @Override
            public boolean health_detail_localhost() {
                return detailForLocalhost;
            }

            @Override
            public String cors_allowed_origins() {
                return "";
            }

            @Override
            public String cors_allowed_methods() {
                return "GET,POST,PUT,DELETE,PATCH";
            }

            @Override
            public String cors_allowed_headers() {
                return "Authorization,Content-Type";
            }

            @Override
            public String cors_exposed_headers() {
                return "Location,Retry-After";
            }

            @Override
            public int cors_max_age_seconds() {
                return 600;
            }
        };
    }

    private static HealthServlet servlet(boolean detailForLocalhost) {
        HealthServlet servlet = new HealthServlet(config(detailForLocalhost));
        HealthCheck database = () -> new HealthStatus(true, "PostgreSQL 16.4 at db-7.internal:5432, node n-42");
        servlet.addCheck(database, Map.of(HealthCheck.NAME, "database"));
        servlet.addAuthenticator(token -> token.equals("user-token") ? Optional.of(new AuthenticatedUser("u1", Set.of())) : Optional.empty());
        servlet.addAuthenticator(token -> token.equals("admin-token")
                ? Optional.of(new AuthenticatedUser("root", Set.of("admin"))) : Optional.empty());
        return servlet;
    }

    private static ServletFakes.Response call(HealthServlet servlet, String method, String remote, String authorization) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        ServletFakes.Response response = new ServletFakes.Response();
        servlet.service(ServletFakes.request(method, "/ready", remote, headers), response.servlet());
        return response;
    }

    @Test
    void anonymousRemoteCallersSeeOnlyUpOrDownPerCheck() throws Exception {
        ServletFakes.Response response = call(servlet(true), "GET", "203.0.113.9", null);
        assertEquals(200, response.status);
        JsonNode body = JSON.readTree(response.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("UP", body.get("checks").get("database").get("status").asText());
        assertFalse(body.get("checks").get("database").has("detail"), response.body());
        assertFalse(response.body().contains("db-7"), response.body());
        assertEquals("no-store", response.headers.get("Cache-Control"));
    }

    @Test
    void remoteCallersWithoutAnAdminTokenSeeNoDetail() throws Exception {
        assertFalse(call(servlet(true), "GET", "203.0.113.9", "Bearer user-token").body().contains("db-7"));
        assertFalse(call(servlet(true), "GET", "203.0.113.9", "Bearer forged").body().contains("db-7"));
        assertFalse(call(servlet(true), "GET", "203.0.113.9", "Basic YTpi").body().contains("db-7"));
    }

    @Test
    void anAdminTokenSeesTheDetailFromAnywhere() throws Exception {
        ServletFakes.Response response = call(servlet(false), "GET", "203.0.113.9", "Bearer admin-token");
        assertEquals("PostgreSQL 16.4 at db-7.internal:5432, node n-42",
                JSON.readTree(response.body()).get("checks").get("database").get("detail").asText());
    }

    @Test
    void loopbackCallersSeeTheDetailOnlyWhileConfiguredSo() throws Exception {
        assertTrue(call(servlet(true), "GET", "127.0.0.1", null).body().contains("db-7"));
        assertTrue(call(servlet(true), "GET", "0:0:0:0:0:0:0:1", null).body().contains("db-7"));
        assertTrue(call(servlet(true), "GET", "127.8.9.10", null).body().contains("db-7"));
        assertTrue(call(servlet(true), "GET", "::ffff:127.0.0.1", null).body().contains("db-7"));
        assertFalse(call(servlet(true), "GET", "128.0.0.1", null).body().contains("db-7"));
        assertFalse(call(servlet(true), "GET", "::2", null).body().contains("db-7"));
        assertFalse(call(servlet(false), "GET", "127.0.0.1", null).body().contains("db-7"));
        assertFalse(call(servlet(true), "GET", "localhost", null).body().contains("db-7"), "names are not resolved");
    }

    @Test
    void otherMethodsAre405JsonWithAllow() throws Exception {
        ServletFakes.Response response = call(servlet(true), "POST", "127.0.0.1", null);
        assertEquals(405, response.status);
        assertEquals(HealthServlet.ALLOW, response.headers.get("Allow"));
        assertEquals("method_not_allowed", JSON.readTree(response.body()).get("error").get("code").asText());
    }
}
