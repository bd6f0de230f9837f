package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /metrics} on the built server: Prometheus text for an admin, the API's JSON errors for anyone else,
 * and the series an operator needs — HTTP by route template and status, the database pool, the cache, the JVM.
 */
@ExtendWith(SharedServer.class)
class MetricsIT {

    private static AudoticsServer server;
    private static String trackId;

    @BeforeAll
    static void server(SharedServer.Running running) throws Exception {
        server = running.server();
        HttpAnswer imported = server.importLines("{\"external_id\":\"metrics-" + UUID.randomUUID()
                + "\",\"name\":\"Measured\",\"artists\":[{\"name\":\"Gauge\"}],\"duration_ms\":1000}");
        assertEquals(200, imported.status(), imported.toString());
        trackId = imported.json().get("tracks").get(0).get("id").asText();
    }

    @Test
    void anAdminReadsPrometheusTextWithTheHttpDatabaseCacheAndJvmSeries() throws Exception {
        double before = count(scrape().body());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, server.get("/v1/tracks/" + trackId).status());
        }
        HttpResponse<String> metrics = scrape();
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
        String text = metrics.body();
        assertEquals(before + 3, count(text), 0.0, "three more answers of GET /v1/tracks/{id} 200");
        assertTrue(text.contains("audotics_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/tracks/{id}\",status=\"200\",le="), text);
        assertTrue(!text.contains(trackId), "no id from a path becomes a label");
        for (String series : new String[] {"audotics_db_pool_connections{state=\"active\"}", "audotics_db_pool_max_connections",
                "audotics_cache_up 1.0", "audotics_cache_requests_total{result=", "jvm_memory_used_bytes{", "process_uptime_seconds",
                // the other bundles' series: the analysis queue, the engine serving and its model's version
                "audotics_analysis_queue{state=\"queued\"}", "audotics_analysis_queue{state=\"running\"}",
                "audotics_recommender_engine{engine=\"hybrid\"} 1.0", "audotics_recommender_engine{engine=\"feature-knn\"} 0.0",
                "audotics_recommender_model_version{engine=\"hybrid\"}"}) {
            assertTrue(text.contains(series), series + " in\n" + text);
        }
    }

    @Test
    void anUnmatchedPathIsOneSeriesNotOnePerPath() throws Exception {
        server.get("/v1/no-such-thing-" + UUID.randomUUID());
        String text = scrape().body();
        assertTrue(text.contains("route=\"unmatched\",status=\"404\""), text);
        assertTrue(!text.contains("no-such-thing"), "the path is not a label");
    }

    @Test
    void withoutAdminCredentialsTheAnswerIsTheJsonError() throws Exception {
        HttpAnswer anonymous = server.getAnonymously("/metrics");
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals("unauthorized", anonymous.errorCode());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"), anonymous.toString());
        HttpAnswer wrong = server.send(HttpRequest.newBuilder(server.uri("/metrics")).header("Authorization", "Bearer not-a-token").GET());
        assertEquals(401, wrong.status(), wrong.toString());
        Listener listener = Listener.signUp(server, "metrics-" + UUID.randomUUID().toString().substring(0, 8));
        HttpAnswer user = server.send(HttpRequest.newBuilder(server.uri("/metrics")).header("Authorization", "Bearer " + listener.token()).GET());
        assertEquals(403, user.status(), user.toString());
        assertEquals("forbidden", user.errorCode());
        assertEquals(user.header("X-Request-Id"), user.json().get("error").path("request_id").asText(null));
        HttpAnswer post = server.send(HttpRequest.newBuilder(server.uri("/metrics")).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.status(), post.toString());
        assertEquals("method_not_allowed", post.errorCode());
    }

    /** The admin's scrape, as text (HttpAnswer reads JSON). */
    private static HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/metrics"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final Pattern TRACK_READS =
            Pattern.compile("audotics_http_requests_seconds_count\\{method=\"GET\",route=\"/v1/tracks/\\{id\\}\",status=\"200\"\\} ([0-9.E]+)");

    private static double count(String text) {
        Matcher m = TRACK_READS.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
