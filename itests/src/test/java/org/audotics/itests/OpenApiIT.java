package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/openapi.json} and {@code /docs} on the built server: the document is public and describes routes
 * the running server has (every documented GET without path parameters is matched by some route), and the page
 * renders it from files the server itself serves.
 */
@ExtendWith(SharedServer.class)
class OpenApiIT {

    /** What the server answers where no route matches (Jersey, the servlets and Jetty alike). */
    private static final String NO_ROUTE = "no resource at this path";

    private static AudoticsServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void server(SharedServer.Running running) {
        server = running.server();
    }

    static JsonNode document() throws Exception {
        HttpAnswer answer = server.getAnonymously("/v1/openapi.json");
        assertEquals(200, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        return answer.json();
    }

    @Test
    void theDocumentIsPublicAndDescribesTheV1Routes() throws Exception {
        JsonNode document = document();
        assertTrue(document.get("openapi").asText().startsWith("3."), document.get("openapi").asText());
        JsonNode paths = document.get("paths");
        assertTrue(paths.has("/v1/tracks/{id}") && paths.has("/v1/recommendations") && paths.has("/v1/openapi.json"), paths.toString());
        paths.fieldNames().forEachRemaining(path -> assertTrue(path.startsWith("/v1/"), path));
        assertTrue(document.at("/components/securitySchemes").has("bearer"));
    }

    @Test
    void everyDocumentedGetWithoutPathParametersIsARoute() throws Exception {
        HttpAnswer nothing = server.get("/v1/no-such-route-for-openapi");
        assertEquals(404, nothing.status(), "the check below can tell an unmatched route");
        assertEquals(NO_ROUTE, nothing.errorMessage());

        List<String> unmatched = new ArrayList<>();
        int checked = 0;
        var paths = document().get("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            if (!path.getValue().has("get") || path.getKey().contains("{")) {
                continue;
            }
            checked++;
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.uri(path.getKey()))
                    .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() == 404 && answer.body().contains(NO_ROUTE)) {
                unmatched.add(path.getKey());
            }
            assertTrue(answer.statusCode() < 500, path.getKey() + " answered " + answer.statusCode() + " " + answer.body());
        }
        assertTrue(checked > 20, "only " + checked + " GET paths without parameters");
        assertEquals(List.of(), unmatched);
    }

    @Test
    void docsServeSwaggerUiFromTheServerPointedAtTheDocument() throws Exception {
        HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(server.uri("/docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElse("").endsWith("/docs/"), redirect.headers().toString());

        HttpResponse<String> page = get("/docs/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("swagger-ui-bundle.js") && page.body().contains("getting-started.html"), page.body());
        assertTrue(!page.body().contains("//cdn") && !page.body().contains("https://"), "nothing from elsewhere: " + page.body());

        HttpResponse<String> init = get("/docs/init.js");
        assertEquals(200, init.statusCode());
        assertTrue(init.body().contains("/v1/openapi.json"), init.body());
        HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000 && bundle.body().contains("SwaggerUIBundle"), "the webjar's script");
        assertEquals(200, get("/docs/swagger-ui.css").statusCode());

        HttpResponse<String> start = get("/docs/getting-started.html");
        assertEquals(200, start.statusCode());
        for (String step : new String[] {"/v1/auth/token", "/v1/catalog/import", "/v1/scans", "/v1/recommendations"}) {
            assertTrue(start.body().contains(step), step);
        }

        HttpAnswer missing = server.getAnonymously("/docs/no-such-file.js");
        assertEquals(404, missing.status());
        assertEquals(missing.header("X-Request-Id"), missing.json().at("/error/request_id").asText(null));
        HttpAnswer traversal = server.getAnonymously("/docs/..%2F..%2Fetc%2Fpasswd");
        assertTrue(traversal.status() == 404 || traversal.status() == 400, traversal.toString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
