package org.audotics.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.audotics.apidocs.build.LiveRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built document ({@code target/classes/openapi.json}) against Jersey's resource model of every
 * {@code @Path} class on the class path: a route, method or parameter that one has and the other lacks fails.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static JsonNode document;
    private static Map<String, LiveRoutes.Route> live;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
            document = JSON.readTree(in);
        }
        live = new TreeMap<>();
        LiveRoutes.scan().forEach(route -> live.put(route.key(), route));
    }

    private static Map<String, JsonNode> documented() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method));
                }
            }
        });
        return operations;
    }

    private static Set<String> parameters(JsonNode operation, String in) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(p -> {
            if (p.get("in").asText().equals(in)) {
                names.add(p.get("name").asText());
            }
        });
        return names;
    }

    @Test
    void seesTheRoutesOfEveryBundle() {
        // a scan that found nothing would make the two comparisons below pass vacuously
        assertTrue(live.containsKey("GET /v1/tracks/{id}"), live.keySet()::toString);
        assertTrue(live.containsKey("POST /v1/auth/token"), live.keySet()::toString);
        assertTrue(live.containsKey("GET /v1/openapi.json"), live.keySet()::toString);
        assertTrue(live.size() > 60, "only " + live.size() + " routes");
    }

    @Test
    void documentsEveryLiveRouteWithItsParameters() {
        Map<String, JsonNode> documented = documented();
        List<String> missing = new ArrayList<>();
        live.forEach((key, route) -> {
            JsonNode operation = documented.get(key);
            if (operation == null) {
                missing.add(key);
                return;
            }
            if (!parameters(operation, "query").containsAll(route.queryParameters())) {
                missing.add(key + " query " + route.queryParameters() + " documented " + parameters(operation, "query"));
            }
            if (!parameters(operation, "path").equals(route.pathParameters())) {
                missing.add(key + " path " + route.pathParameters() + " documented " + parameters(operation, "path"));
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void documentsNothingThatIsNotServed() {
        List<String> extra = new ArrayList<>();
        documented().forEach((key, operation) -> {
            LiveRoutes.Route route = live.get(key);
            if (route == null) {
                extra.add(key);
                return;
            }
            Set<String> query = parameters(operation, "query");
            // a resource that reads the whole query (UriInfo, e.g. Spotify's min_/max_/target_ features) declares none
            if (!route.readsAnyQueryParameter() && !route.queryParameters().containsAll(query)) {
                extra.add(key + " query " + query + " served " + route.queryParameters());
            }
        });
        assertEquals(List.of(), extra);
    }

    @Test
    void everyOperationAnswersErrorsInTheErrorBodyAndStatesItsSecurity() {
        assertTrue(document.at("/components/schemas/ErrorBody/properties/error/properties").has("request_id"));
        documented().forEach((key, operation) -> {
            JsonNode responses = operation.get("responses");
            assertTrue(responses.has("default"), key);
            assertTrue(operation.has("security"), key);
            boolean open = operation.get("security").isEmpty();
            assertEquals(!open, responses.has("401"), key + " 401 iff it needs a token");
            responses.fields().forEachRemaining(answer -> {
                if (!answer.getKey().startsWith("2")) {
                    assertTrue(answer.getValue().path("$ref").asText().startsWith("#/components/responses/"), key + " " + answer.getKey());
                }
            });
        });
        JsonNode errorAnswer = document.at("/components/responses/BadRequest/content/application~1json/schema/$ref");
        assertEquals("#/components/schemas/ErrorBody", errorAnswer.asText());
    }

    @Test
    void carriesTheCodesConstraintsScopesAndSnakeCaseNames() {
        JsonNode limit = parameter("GET /v1/me/player/recently-played", "limit");
        assertEquals(1, limit.at("/schema/minimum").asInt());
        assertEquals(50, limit.at("/schema/maximum").asInt());
        assertEquals("integer", limit.at("/schema/type").asText());
        assertTrue(parameter("GET /v1/tracks", "ids").path("required").asBoolean());
        assertTrue(document.at("/components/securitySchemes/oauth2/flows/password/scopes").has("user-library-read"));
        JsonNode saved = documented().get("GET /v1/me/tracks");
        assertTrue(saved.at("/security/1/oauth2").toString().contains("user-library-read"), saved.get("security")::toString);
        assertTrue(documented().get("POST /v1/auth/register").get("security").isEmpty());
        assertTrue(document.at("/components/schemas/Registration/properties").has("display_name"));
        assertFalse(document.at("/components/schemas/Registration/properties").has("displayName"));
    }

    private static JsonNode parameter(String operation, String name) {
        for (JsonNode p : documented().get(operation).path("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(operation + " documents no " + name);
    }

    @Test
    void refusesAnOverlayForAnOperationThatDoesNotExist() throws IOException {
        ObjectNode overlay;
        try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
            overlay = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode scan = JSON.createObjectNode();
        scan.putObject("paths");
        ObjectNode bad = JSON.createObjectNode();
        bad.putObject("x-parameters");
        bad.putObject("x-operations").putObject("GET /v1/no-such-route");
        bad.set("components", overlay.get("components"));
        assertThrows(IllegalStateException.class, () -> OpenApiBuildAccess.build(scan, bad));
    }
}
