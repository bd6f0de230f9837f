package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP edge of the built server, spoken to over raw sockets: every answer, at every moment after the
 * port opens, is the JSON error body with the right status and the security headers, however malformed
 * the request. Most cases run on the shared server; a fresh one (CORS on, no health detail for localhost)
 * is watched from before its port opens until it is ready.
 */
@ExtendWith(SharedServer.class)
class HttpEdgeIT {

    private static final String ADMIN = "Authorization: Bearer " + AudoticsServer.ADMIN_TOKEN + "\r\n";
    private static final String ORIGIN = "https://app.example";

    private static AudoticsServer shared;
    private static String trackId;
    private static AudoticsServer fresh;
    /** Every answer the fresh server gave while it started, in order, with the path asked. */
    private static final List<String> startupAnswers = new ArrayList<>();
    private static final List<RawHttp.Answer> startupRaw = new ArrayList<>();

    @BeforeAll
    static void servers(SharedServer.Running running) throws Exception {
        shared = running.server();
        HttpAnswer imported = shared.importLines("{\"external_id\":\"edge-1\",\"name\":\"Edge\",\"artists\":[{\"name\":\"Edgy\"}],\"duration_ms\":1000}");
        assertEquals(200, imported.status(), imported.toString());
        trackId = imported.json().get("tracks").get(0).get("id").asText();
        fresh = AudoticsServer.startWithoutWaiting("edge-start", Map.of("org.audotics.http",
                "health.detail.localhost = false\ncors.allowed.origins = " + ORIGIN + "\n"));
        watchUntilReady();
    }

    /** Asks a few paths over and over, from the first accepted connection until /health/ready is 200. */
    private static void watchUntilReady() throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        boolean ready = false;
        while (!ready) {
            if (!fresh.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the fresh server did not get ready; answers so far: " + startupAnswers);
            }
            for (String path : List.of("/v1/tracks/" + trackId, "/", "/health/ready")) {
                RawHttp.Answer answer;
                try {
                    answer = RawHttp.get(fresh.port, path);
                } catch (ConnectException notListeningYet) {
                    break;
                }
                startupAnswers.add(path + " -> " + answer);
                startupRaw.add(answer);
                ready = path.equals("/health/ready") && answer.status() == 200;
            }
            Thread.sleep(100);
        }
        long starting = startupRaw.stream().filter(answer -> answer.body().contains("\"service_unavailable\"")).count();
        System.out.println("HttpEdgeIT: " + startupRaw.size() + " answers while the fresh server started, " + starting
                + " of them 503 service_unavailable");
    }

    @AfterAll
    static void stopFresh() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    private static RawHttp.Answer send(String request) throws IOException {
        return RawHttp.exchange(shared.port, request);
    }

    /** The error body with this status, our headers, and a code and message of ours. */
    private static JsonNode assertJsonError(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/json"), answer.toString());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.toString());
        assertNotNull(answer.header("Content-Security-Policy"), answer.toString());
        JsonNode error = answer.json().get("error");
        assertNotNull(error, answer.toString());
        assertEquals(status, error.get("status").asInt(), answer.toString());
        assertFalse(error.get("code").asText().isBlank(), answer.toString());
        assertFalse(error.get("message").asText().isBlank(), answer.toString());
        return error;
    }

    @Test
    void aJsonOrFormBodyOverOneMebibyteIs413() throws Exception {
        String big = "{\"email\":\"" + "x".repeat(2 << 20) + "@example.com\",\"password\":\"long enough pass\",\"display_name\":\"x\"}";
        HttpAnswer json = shared.send(java.net.http.HttpRequest.newBuilder(shared.uri("/v1/auth/register"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)));
        assertEquals(413, json.status(), json.toString());
        assertEquals("payload_too_large", json.errorCode());
        HttpAnswer form = shared.send(java.net.http.HttpRequest.newBuilder(shared.uri("/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + "x".repeat(2 << 20))));
        assertEquals(413, form.status(), form.toString());
    }

    @Test
    void badPercentEncodingInThePathIsJson400() throws Exception {
        for (String path : List.of("/v1/tracks/%00", "/v1/tracks/%zz", "/v1/tracks/%", "/%zz")) {
            assertJsonError(RawHttp.get(shared.port, path), 400);
            assertJsonError(send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Connection: close\r\n\r\n"), 400);
        }
    }

    @Test
    void aUriOverTheLimitIsJson414AndHeadersOverTheLimitJson431() throws Exception {
        // etc/jetty.xml: requestHeaderSize 16 KiB for the request line and headers together
        assertEquals("uri_too_long", assertJsonError(RawHttp.get(shared.port, "/v1/tracks/" + "a".repeat(17_000)), 414).get("code").asText());
        RawHttp.Answer headers = send("GET /v1/tracks/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(17_000)
                + "\r\nConnection: close\r\n\r\n");
        assertEquals("headers_too_large", assertJsonError(headers, 431).get("code").asText());
    }

    @Test
    void traceIs405WithAllowAndUnknownMethodsAre501() throws Exception {
        for (String path : List.of("/v1/tracks/x", "/health/ready", "/")) {
            RawHttp.Answer trace = send("TRACE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertJsonError(trace, 405);
            assertTrue(trace.header("Allow").contains("GET"), trace.toString());
            assertFalse(trace.header("Allow").contains("TRACE"), trace.toString());
            RawHttp.Answer unknown = send("BREW " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals("not_implemented", assertJsonError(unknown, 501).get("code").asText());
        }
    }

    @Test
    void anUnsupportedHttpVersionIsJson505() throws Exception {
        assertJsonError(send("GET /v1/tracks/x HTTP/2.5\r\nHost: 127.0.0.1\r\n\r\n"), 505);
        assertJsonError(send("GET /v1/tracks/x HTTP/9\r\nHost: 127.0.0.1\r\n\r\n"), 505);
    }

    @Test
    void anUnparseableContentTypeOrAcceptIsJson400() throws Exception {
        for (String type : List.of("/", "application/")) {
            assertJsonError(send("POST /v1/catalog/import HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Content-Type: " + type
                    + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), 400);
        }
        assertJsonError(send("GET /v1/tracks/" + trackId + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Accept: ;;\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void headOnAnUnknownIdIsStill404OnceStarted() throws Exception {
        RawHttp.Answer head = send("HEAD /v1/tracks/no-such-track HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Connection: close\r\n\r\n");
        assertEquals(404, head.status(), head.toString());
        assertEquals("", head.body());
        assertEquals("nosniff", head.header("X-Content-Type-Options"));
    }

    @Test
    void postToReadinessIs405JsonWithAllow() throws Exception {
        RawHttp.Answer answer = send("POST /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals("method_not_allowed", assertJsonError(answer, 405).get("code").asText());
        assertEquals("GET, HEAD, OPTIONS", answer.header("Allow"));
    }

    /** A body shorter than its Content-Length, a chunk size that is not hex, a chunk cut off by the client. */
    private static List<String> brokenBodies(String head, String start) {
        return List.of(
                head + "Content-Length: 100000\r\n\r\n" + start,
                head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + start + "\r\n0\r\n\r\n",
                head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(100_000) + "\r\n" + start);
    }

    @Test
    void aBodyThatEndsEarlyOrIsBadlyChunkedIs400OnEveryEndpoint() throws Exception {
        String upload = "PUT /v1/tracks/" + trackId + "/audio HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Content-Type: audio/wav\r\n";
        String scan = "POST /v1/scans HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Content-Type: application/json\r\n";
        String catalog = "POST /v1/catalog/import HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Content-Type: application/x-ndjson\r\n";
        for (String request : brokenBodies(upload, "RIFF\u0024\u0000\u0000\u0000WAVEfmt ")) {
            RawHttp.Answer answer = send(request);
            assertEquals("invalid_body", assertJsonError(answer, 400).get("code").asText(), request);
            assertEquals("no-store", answer.header("Cache-Control"), "an admin's answer is not stored");
        }
        for (String request : brokenBodies(scan, "{\"path\": \"/tm")) {
            assertEquals("invalid_body", assertJsonError(send(request), 400).get("code").asText(), request);
        }
        for (String request : brokenBodies(catalog, "{\"external_id\":\"edge-2\",\"na")) {
            assertJsonError(send(request), 400);
        }
    }

    @Test
    void everyAnswerCarriesNosniffAndPrivateOnesNoStore() throws Exception {
        RawHttp.Answer live = RawHttp.get(shared.port, "/health/live");
        assertEquals(200, live.status());
        assertEquals("nosniff", live.header("X-Content-Type-Options"));
        RawHttp.Answer track = RawHttp.get(shared.port, "/v1/tracks/" + trackId);
        assertEquals(401, track.status(), "every /v1 read needs a token: " + track);
        assertEquals("nosniff", track.header("X-Content-Type-Options"));
        assertNotNull(track.header("Content-Security-Policy"));
        assertNull(track.header("Access-Control-Allow-Origin"), "CORS is off by default");
        RawHttp.Answer withToken = send("GET /v1/tracks/" + trackId + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Connection: close\r\n\r\n");
        assertEquals(200, withToken.status(), withToken.toString());
        assertEquals("no-store", withToken.header("Cache-Control"));
        assertEquals("no-store", RawHttp.get(shared.port, "/health/ready").header("Cache-Control"));
    }

    @Test
    void everyAnswerWhileStartingIsJson503WithRetryAfterOrARealAnswer() {
        assertFalse(startupAnswers.isEmpty());
        for (int i = 0; i < startupRaw.size(); i++) {
            RawHttp.Answer answer = startupRaw.get(i);
            String seen = startupAnswers.get(i);
            assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/json"), seen);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), seen);
            JsonNode body = answer.json();
            if (answer.status() == 503) {
                assertNotNull(answer.header("Retry-After"), seen);
                boolean starting = "service_unavailable".equals(body.path("error").path("code").asText());
                boolean readinessDown = "DOWN".equals(body.path("status").asText());
                assertTrue(starting || readinessDown, seen);
            } else if (answer.status() >= 400) {
                assertEquals(answer.status(), body.path("error").path("status").asInt(), seen);
            }
        }
    }

    @Test
    void anonymousCallersGetOnlyUpOrDownPerCheckAndAdminsTheDetail() throws Exception {
        RawHttp.Answer anonymous = RawHttp.get(fresh.port, "/health/ready");
        assertEquals(200, anonymous.status(), anonymous.toString());
        JsonNode checks = anonymous.json().get("checks");
        assertEquals("UP", checks.get("database").get("status").asText());
        assertFalse(checks.get("database").has("detail"), anonymous.toString());
        assertFalse(checks.get("cache").has("detail"), anonymous.toString());
        RawHttp.Answer admin = RawHttp.exchange(fresh.port, "GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Connection: close\r\n\r\n");
        assertTrue(admin.json().get("checks").get("database").get("detail").asText().contains("(embedded)"), admin.toString());
    }

    @Test
    void corsAnswersThePreflightOfAConfiguredOriginOnly() throws Exception {
        String preflight = "OPTIONS /v1/tracks/" + trackId + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccess-Control-Request-Method: GET\r\n"
                + "Access-Control-Request-Headers: authorization\r\nConnection: close\r\n";
        RawHttp.Answer allowed = RawHttp.exchange(fresh.port, preflight + "Origin: " + ORIGIN + "\r\n\r\n");
        assertEquals(204, allowed.status(), allowed.toString());
        assertEquals(ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Headers").contains("Authorization"), allowed.toString());
        assertTrue(allowed.header("Access-Control-Allow-Methods").contains("GET"), allowed.toString());
        RawHttp.Answer other = RawHttp.exchange(fresh.port, preflight + "Origin: https://evil.example\r\n\r\n");
        assertNull(other.header("Access-Control-Allow-Origin"), other.toString());
        String simpleRequest = "GET /v1/no-such-thing HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + ORIGIN + "\r\nConnection: close\r\n\r\n";
        RawHttp.Answer simple = RawHttp.exchange(fresh.port, simpleRequest);
        // A component that binds late (a loaded machine) makes the REST application reload after readiness; meanwhile
        // the answer is our 503 with Retry-After, which must carry the CORS header too. Retry as a client would.
        for (int retries = 0; simple.status() == 503 && retries < 60; retries++) {
            assertEquals(ORIGIN, simple.header("Access-Control-Allow-Origin"), simple.toString());
            assertNotNull(simple.header("Retry-After"), simple.toString());
            Thread.sleep(500);
            simple = RawHttp.exchange(fresh.port, simpleRequest);
        }
        assertEquals(ORIGIN, simple.header("Access-Control-Allow-Origin"), simple.toString());
        assertJsonError(simple, 404);
    }
}
