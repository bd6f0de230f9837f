package org.audotics.apidocs.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import org.audotics.http.api.RequiresScope;

/**
 * Build step (exec-maven-plugin, after the test classes compiled): turns the swagger-maven-plugin's scan of the
 * resource classes into the served document. What the scan cannot know comes from the routes' own annotations
 * ({@code @PermitAll}, {@code @RolesAllowed}, {@code @RequiresScope}: security and the 401/403 answers) and from
 * {@code src/main/openapi/overlay.json} (the error body, security schemes, tags, and the parameters' constraints,
 * which resources check by hand). Arguments: scan file, overlay file, output file.
 */
public final class OpenApiBuild {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiBuild() {
    }

    public static void main(String[] args) throws IOException {
        ObjectNode scan = (ObjectNode) JSON.readTree(new File(args[0]));
        ObjectNode overlay = (ObjectNode) JSON.readTree(new File(args[1]));
        ObjectNode document = build(scan, overlay, LiveRoutes.scan(), authScopes());
        File out = new File(args[2]);
        out.getParentFile().mkdirs();
        JSON.writeValue(out, document);
        System.out.println("[api-docs] wrote " + out + ": " + document.get("paths").size() + " paths");
    }

    public static ObjectNode build(ObjectNode scan, ObjectNode overlay, List<LiveRoutes.Route> routes, Set<String> scopes) {
        Map<String, LiveRoutes.Route> byKey = new LinkedHashMap<>();
        routes.forEach(r -> byKey.put(r.key(), r));
        ObjectNode document = JSON.createObjectNode();
        document.put("openapi", "3.0.3");
        document.set("info", overlay.get("info"));
        document.set("servers", overlay.get("servers"));
        document.set("tags", overlay.get("tags"));
        ObjectNode paths = document.putObject("paths");
        ObjectNode parameterRules = (ObjectNode) overlay.get("x-parameters");
        ObjectNode operationOverlays = (ObjectNode) overlay.get("x-operations");
        Set<String> used = new TreeSet<>();
        scan.get("paths").fields().forEachRemaining(path -> {
            String live = LiveRoutes.join("/v1", path.getKey());
            ObjectNode item = paths.putObject(live);
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String key = method.toUpperCase() + " " + live;
                LiveRoutes.Route route = byKey.get(key);
                if (route == null) {
                    throw new IllegalStateException("the scan has " + key + " but Jersey's model has no such route");
                }
                ObjectNode built = operation((ObjectNode) operation.deepCopy(), route, parameterRules);
                JsonNode extra = operationOverlays.get(key);
                if (extra != null) {
                    merge(built, (ObjectNode) extra);
                    used.add(key);
                }
                item.set(method, built);
            }
        });
        operationOverlays.fieldNames().forEachRemaining(key -> {
            if (!used.contains(key)) {
                throw new IllegalStateException("overlay.json describes " + key + ", which no resource serves");
            }
        });
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        JsonNode scanned = scan.path("components").path("schemas");
        scanned.fields().forEachRemaining(e -> schemas.set(e.getKey(), e.getValue()));
        overlay.path("components").path("schemas").fields().forEachRemaining(e -> {
            if (schemas.get(e.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) e.getValue());   // e.g. the required fields of a scanned body
            } else {
                schemas.set(e.getKey(), e.getValue());
            }
        });
        components.set("responses", overlay.path("components").path("responses"));
        ObjectNode security = overlay.path("components").path("securitySchemes").deepCopy();
        ObjectNode scopeTable = JSON.createObjectNode();
        scopes.forEach(scope -> scopeTable.put(scope, "the listener's " + scope.replace('-', ' ')));
        security.path("oauth2").path("flows").fields().forEachRemaining(flow -> ((ObjectNode) flow.getValue()).set("scopes", scopeTable));
        components.set("securitySchemes", security);
        return document;
    }

    private static ObjectNode operation(ObjectNode operation, LiveRoutes.Route route, ObjectNode parameterRules) {
        operation.put("operationId", route.resourceClass().getSimpleName().replace("Resource", "") + "." + route.javaMethod().getName()
                + "." + route.method().toLowerCase());
        operation.putArray("tags").add(tag(route.resourceClass()));
        boolean hasParameters = false;
        for (JsonNode parameter : operation.withArray("parameters")) {
            hasParameters = true;
            ObjectNode p = (ObjectNode) parameter;
            JsonNode rule = parameterRules.get(p.get("in").asText() + ":" + p.get("name").asText());
            if (rule != null) {
                merge(p, (ObjectNode) rule);
            }
        }
        if (operation.withArray("parameters").isEmpty()) {
            operation.remove("parameters");
        }
        ObjectNode responses = (ObjectNode) operation.get("responses");
        JsonNode success = responses.remove("default");
        ObjectNode answers = JSON.createObjectNode();
        if (success != null) {
            ObjectNode ok = (ObjectNode) success;
            ok.put("description", "success");
            // a resource answering Response or Map: the scan knows the media type, not the shape
            ok.path("content").fields().forEachRemaining(type -> {
                if (type.getValue() instanceof ObjectNode media && !media.has("schema")) {
                    media.putObject("schema");
                }
            });
            answers.set("2XX", ok);
        }
        boolean body = operation.has("requestBody");
        if (hasParameters || body || route.readsAnyQueryParameter()) {
            answers.set("400", ref("BadRequest"));
        }
        boolean open = annotated(route, PermitAll.class);
        String[] roles = route.javaMethod().isAnnotationPresent(RolesAllowed.class) ? route.javaMethod().getAnnotation(RolesAllowed.class).value()
                : route.resourceClass().isAnnotationPresent(RolesAllowed.class) ? route.resourceClass().getAnnotation(RolesAllowed.class).value() : new String[0];
        RequiresScope scope = route.javaMethod().isAnnotationPresent(RequiresScope.class) ? route.javaMethod().getAnnotation(RequiresScope.class)
                : route.resourceClass().getAnnotation(RequiresScope.class);
        ArrayNode security = operation.putArray("security");
        if (!open) {
            answers.set("401", ref("Unauthorized"));
            security.addObject().putArray("bearer");
            ArrayNode oauthScopes = security.addObject().putArray("oauth2");
            if (scope != null) {
                Arrays.stream(scope.value()).forEach(oauthScopes::add);
            }
            if (roles.length > 0 || scope != null) {
                answers.set("403", ref("Forbidden"));
            }
            if (roles.length > 0) {
                operation.putArray("x-roles").addAll(Arrays.stream(roles).map(JSON.getNodeFactory()::textNode).toList());
            }
        }
        if (!route.pathParameters().isEmpty()) {
            answers.set("404", ref("NotFound"));
        }
        if (body) {
            answers.set("413", ref("PayloadTooLarge"));
            answers.set("415", ref("UnsupportedMediaType"));
        }
        // every matched /v1 request is counted against the rate limits (docs/operations.md, "Rate limits")
        answers.set("429", ref("TooManyRequests"));
        answers.set("default", ref("Unexpected"));
        operation.set("responses", answers);
        return operation;
    }

    /** The bundle a resource comes from ({@code org.audotics.catalog.internal.rest} → {@code catalog}). */
    static String tag(Class<?> resource) {
        String[] parts = resource.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : resource.getPackageName();
    }

    private static boolean annotated(LiveRoutes.Route route, Class<? extends java.lang.annotation.Annotation> annotation) {
        AnnotatedElement method = route.javaMethod();
        return method.isAnnotationPresent(annotation) || route.resourceClass().isAnnotationPresent(annotation);
    }

    private static ObjectNode ref(String response) {
        ObjectNode node = JSON.createObjectNode();
        node.put("$ref", "#/components/responses/" + response);
        return node;
    }

    /**
     * Overlay semantics: objects merge key by key; {@code parameters} merge by name and place (a new one is added);
     * anything else replaces.
     */
    static void merge(ObjectNode target, ObjectNode extra) {
        Iterator<Map.Entry<String, JsonNode>> fields = extra.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (field.getKey().equals("parameters") && existing instanceof ArrayNode list) {
                for (JsonNode parameter : field.getValue()) {
                    ObjectNode match = null;
                    for (JsonNode candidate : list) {
                        if (candidate.path("name").equals(parameter.path("name")) && candidate.path("in").equals(parameter.path("in"))) {
                            match = (ObjectNode) candidate;
                        }
                    }
                    if (match == null) {
                        list.add(parameter.deepCopy());
                    } else {
                        merge(match, (ObjectNode) parameter);
                    }
                }
            } else if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode more) {
                merge(object, more);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /** The OAuth scopes the auth bundle grants (bundles/auth {@code Scopes.USER}), read from its class. */
    @SuppressWarnings("unchecked")
    static Set<String> authScopes() {
        try {
            return new TreeSet<>((Set<String>) Class.forName("org.audotics.auth.internal.Scopes").getField("USER").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bundles/auth's Scopes.USER is where the document's OAuth scopes come from", e);
        }
    }
}
