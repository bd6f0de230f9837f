package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Driven by {@code GET /v1/openapi.json}: for every operation, one request per schema constraint it breaks
 * (a required parameter left out, a number out of range or not a number, a value outside the enum, malformed JSON,
 * an array where the body is an object, an object without its required fields, a path value against its pattern,
 * a body of a type the operation does not read, a JSON body over the 1 MiB bound), sent with a token of the role
 * the operation needs. Every answer must be a 4xx in the JSON error body with the answer's request id, and the
 * status the document lists for that kind of mistake (400, 415, 413).
 */
@ExtendWith(SharedServer.class)
class BadInputSweepIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    /** Well-formed (22 letters and digits, as the catalog's ids) and unknown. */
    private static final String UNKNOWN_ID = "0unknownId0unknownId00";
    private static final int OVER_ONE_MIB = (1 << 20) + 1024;

    /**
     * Operations and mistakes not swept, each with why: "METHOD path" or "METHOD path mistake" (the mistake as in
     * {@link Mistake#name}).
     */
    private static final Map<String, String> SKIPS = Map.of(
            "POST /v1/catalog/import oversized JSON", "JSON lines read as a stream, not one JSON document: a line over 64 KiB is "
                    + "400 invalid_body first; its own 413 is for more than 10 000 tracks (docs/api.md, Errors)");

    private static AudoticsServer server;
    private static String listenerToken;

    record Mistake(String name, HttpRequest request, Set<Integer> documented) {
    }

    @BeforeAll
    static void server(SharedServer.Running running) throws Exception {
        server = running.server();
        listenerToken = Listener.signUp(server, "sweep-" + UUID.randomUUID().toString().substring(0, 8)).token();
    }

    @Test
    void everyConstraintOfTheDocumentIsEnforcedWithTheErrorBody() throws Exception {
        JsonNode document = OpenApiItDocument.fetch(server);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                String key = method.toUpperCase() + " " + path.getKey();
                if (operation == null || SKIPS.containsKey(key)) {
                    continue;
                }
                for (Mistake mistake : mistakes(method.toUpperCase(), path.getKey(), operation, document.get("components"))) {
                    if (SKIPS.containsKey(key + " " + mistake.name())) {
                        continue;
                    }
                    sent++;
                    String failure = check(mistake, HTTP.send(mistake.request(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
                    if (failure != null) {
                        failures.add(key + " [" + mistake.name() + "] " + failure);
                    }
                }
            }
        }
        System.out.println("[BadInputSweepIT] " + sent + " bad requests, " + failures.size() + " wrong answers");
        assertTrue(sent > 100, "only " + sent + " bad requests: the document lost its constraints?");
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /** Null when the answer is the documented refusal; otherwise what is wrong with it. */
    static String check(Mistake mistake, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String summary = status + " " + answer.body().substring(0, Math.min(300, answer.body().length()));
        if (status < 400 || status >= 500) {
            return "not a 4xx: " + summary;
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return "not JSON (" + answer.headers().firstValue("Content-Type").orElse("no Content-Type") + "): " + summary;
        }
        JsonNode error;
        try {
            error = JSON.readTree(answer.body()).path("error");
        } catch (Exception notJson) {
            return "unreadable JSON: " + summary;
        }
        if (error.path("status").asInt() != status || !error.path("code").isTextual() || !error.path("message").isTextual()) {
            return "not our error body: " + summary;
        }
        String id = answer.headers().firstValue("X-Request-Id").orElse(null);
        if (id == null || !id.equals(error.path("request_id").asText(null))) {
            return "request_id " + error.path("request_id") + " is not X-Request-Id " + id;
        }
        if (!mistake.documented().isEmpty() && !mistake.documented().contains(status)) {
            return "expected " + mistake.documented() + ": " + summary;
        }
        return null;
    }

    private static List<Mistake> mistakes(String method, String path, JsonNode operation, JsonNode components) {
        String token = operation.path("x-roles").toString().contains("\"user\"") ? listenerToken : AudoticsServer.ADMIN_TOKEN;
        JsonNode responses = operation.path("responses");
        boolean hasPathParameters = path.contains("{");
        String concrete = path.replaceAll("\\{[^}]+}", UNKNOWN_ID);
        List<Mistake> mistakes = new ArrayList<>();
        Map<String, String> required = new LinkedHashMap<>();
        List<JsonNode> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                query.add(parameter);
                if (parameter.path("required").asBoolean()) {
                    required.put(parameter.get("name").asText(), validValue(parameter.path("schema")));
                }
            }
        }
        // the document's examples make the rest of the request valid (/v1/recommendations needs a seed)
        Map<String, String> baseline = new LinkedHashMap<>(required);
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query") && parameter.has("example")) {
                baseline.put(parameter.get("name").asText(), parameter.get("example").asText());
            }
        }
        // an unknown id in the path may be refused (404) before the query is read: both are documented refusals
        Set<Integer> badQuery = hasPathParameters ? statuses(responses, 400, 404) : statuses(responses, 400);
        for (String name : required.keySet()) {
            Map<String, String> without = new LinkedHashMap<>(required);
            without.remove(name);
            mistakes.add(new Mistake("missing " + name, request(method, concrete, without, token).method(method, noBody()).build(), badQuery));
        }
        for (JsonNode parameter : query) {
            String name = parameter.get("name").asText();
            JsonNode schema = parameter.path("schema");
            List<String[]> values = new ArrayList<>();
            String type = schema.path("type").asText();
            if (type.equals("integer") || type.equals("number")) {
                values.add(new String[] {"not a number", "abc"});
                if (schema.has("minimum")) {
                    values.add(new String[] {"below minimum", minus(schema.get("minimum"), type)});
                }
                if (schema.has("maximum")) {
                    values.add(new String[] {"above maximum", plus(schema.get("maximum"), type)});
                }
            }
            if (schema.has("enum")) {
                values.add(new String[] {"outside enum", "not_one_of_them"});
            }
            if (schema.has("pattern")) {
                values.add(new String[] {"against pattern", "!!~~"});
            }
            for (String[] value : values) {
                Map<String, String> parameters = new LinkedHashMap<>(baseline);
                parameters.put(name, value[1]);
                mistakes.add(new Mistake(name + " " + value[0], request(method, concrete, parameters, token).method(method, noBody()).build(), badQuery));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && parameter.path("schema").has("enum")) {
                String name = parameter.get("name").asText();
                String bad = path.replace("{" + name + "}", "not_one_of_them").replaceAll("\\{[^}]+}", UNKNOWN_ID);
                mistakes.add(new Mistake(name + " outside enum", request(method, bad, required, token).method(method, noBody()).build(),
                        statuses(responses, 400, 404)));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path") && parameter.path("schema").has("pattern")) {
                String name = parameter.get("name").asText();
                String bad = path.replace("{" + name + "}", "!!~~").replaceAll("\\{[^}]+}", UNKNOWN_ID);
                // the value itself is what is wrong: no unknown-id 404 to hide behind
                mistakes.add(new Mistake(name + " against pattern", request(method, bad, required, token).method(method, noBody()).build(),
                        statuses(responses, 400)));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        Set<Integer> badBody = hasPathParameters ? statuses(responses, 400, 404) : statuses(responses, 400);
        if (content.has("application/json")) {
            mistakes.add(new Mistake("malformed JSON", request(method, concrete, required, token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"name\": ")).build(), badBody));
            if (isObject(content.get("application/json").path("schema"), components)) {
                mistakes.add(new Mistake("JSON array for an object", request(method, concrete, required, token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("[1, 2]")).build(), badBody));
            }
            if (resolve(content.get("application/json").path("schema"), components).path("required").size() > 0) {
                mistakes.add(new Mistake("required fields missing", request(method, concrete, required, token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), badBody));
            }
            String big = "{\"name\": \"" + "a".repeat(OVER_ONE_MIB) + "\"}";
            mistakes.add(new Mistake("oversized JSON", request(method, concrete, required, token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(big)).build(), hasPathParameters ? statuses(responses, 413, 404) : statuses(responses, 413)));
        }
        if (content.size() > 0 && !content.has("*/*")) {
            mistakes.add(new Mistake("unsupported Content-Type", request(method, concrete, required, token).header("Content-Type", "application/x-audotics-unknown")
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), hasPathParameters ? statuses(responses, 415, 404) : statuses(responses, 415)));
        }
        return mistakes;
    }

    /** Whether the body schema is an object with named properties (not a free-form map or any JSON). */
    private static boolean isObject(JsonNode schema, JsonNode components) {
        JsonNode resolved = resolve(schema, components);
        return resolved.path("type").asText().equals("object") && resolved.path("properties").size() > 0;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        return schema.has("$ref") ? components.path("schemas").path(schema.get("$ref").asText().replace("#/components/schemas/", "")) : schema;
    }

    /** The listed statuses the document has for this operation; empty (only the 4xx is checked) when it lists none. */
    private static Set<Integer> statuses(JsonNode responses, int... wanted) {
        Set<Integer> listed = new java.util.TreeSet<>();
        for (int status : wanted) {
            if (responses.has(Integer.toString(status))) {
                listed.add(status);
            }
        }
        return listed;
    }

    private static String validValue(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> schema.has("minimum") ? schema.get("minimum").asText() : "1";
            default -> UNKNOWN_ID;
        };
    }

    private static String minus(JsonNode bound, String type) {
        return type.equals("integer") ? Long.toString(bound.asLong() - 1) : Double.toString(bound.asDouble() - 0.5);
    }

    private static String plus(JsonNode bound, String type) {
        return type.equals("integer") ? Long.toString(bound.asLong() + 1) : Double.toString(bound.asDouble() + 0.5);
    }

    private static HttpRequest.BodyPublisher noBody() {
        return HttpRequest.BodyPublishers.noBody();
    }

    private static HttpRequest.Builder request(String method, String path, Map<String, String> query, String token) {
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return HttpRequest.newBuilder(server.uri(uri.toString())).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }
}
