package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every client can rely on: JSON errors for any path and method, and health endpoints. */
@ExtendWith(SharedServer.class)
class HttpContractIT {

    private static AudoticsServer server;

    @BeforeAll
    static void server(SharedServer.Running shared) {
        server = shared.server();
    }

    @Test
    void readinessReportsDatabaseAndCacheUp() throws Exception {
        HttpAnswer ready = server.get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals("UP", ready.json().get("status").asText());
        assertTrue(ready.json().get("checks").get("database").get("detail").asText().startsWith("PostgreSQL"), ready.toString());
        assertTrue(ready.json().get("checks").get("cache").get("detail").asText().startsWith("Redis"), ready.toString());
        assertEquals(200, server.get("/health/live").status());
    }

    @Test
    void unknownPathsAnswerJson404InsideAndOutsideTheApi() throws Exception {
        for (String path : new String[] {"/v1/no-such-thing", "/no-such-thing", "/", "/health/nope"}) {
            HttpAnswer answer = server.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals("not_found", answer.errorCode(), path);
            assertTrue(answer.response().headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        }
    }

    @Test
    void wrongMethodIs405WithAllowHeader() throws Exception {
        HttpAnswer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/recommendations")).DELETE());
        assertEquals(405, answer.status());
        assertEquals("method_not_allowed", answer.errorCode());
        assertTrue(answer.header("Allow") != null);
    }

    @Test
    void aBrokenAuthorizationHeaderIs401() throws Exception {
        HttpAnswer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/recommender")).header("Authorization", "Basic abc").GET());
        assertEquals(401, answer.status());
        assertEquals("unauthorized", answer.errorCode());
    }
}
