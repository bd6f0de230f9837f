package org.audotics.apidocs.build;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.ws.rs.Path;
import javax.ws.rs.core.UriInfo;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The routes Jersey serves under {@code /v1}: every {@code @Path} class of the {@code org.audotics} packages on the
 * class path, read through Jersey's own resource model (the same model the live application is built from), so
 * the document is checked against what Jersey matches, not against a second reading of the annotations.
 */
public final class LiveRoutes {

    /** One route: {@code GET /v1/tracks/{id}} with its declared query and path parameters and its Java method. */
    public record Route(String method, String path, Set<String> queryParameters, Set<String> pathParameters,
                        boolean readsAnyQueryParameter, Class<?> resourceClass, Method javaMethod) {
        public String key() {
            return method + " " + path;
        }
    }

    private LiveRoutes() {
    }

    public static List<Route> scan() {
        ResourceConfig config = new ResourceConfig().packages(true, "org.audotics");
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : config.getClasses()) {
            if (type.isAnnotationPresent(Path.class) && !type.isInterface()) {
                Resource resource = Resource.from(type);
                collect(resource, "/v1", type, routes);
            }
        }
        routes.sort(Comparator.comparing(Route::key));
        return routes;
    }

    private static void collect(Resource resource, String prefix, Class<?> type, List<Route> routes) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Method java = method.getInvocable().getHandlingMethod();
            Set<String> query = names(method, Parameter.Source.QUERY);
            Set<String> pathNames = names(method, Parameter.Source.PATH);
            boolean anyQuery = method.getInvocable().getParameters().stream()
                    .anyMatch(p -> p.getSource() == Parameter.Source.CONTEXT && p.getRawType() == UriInfo.class);
            routes.add(new Route(method.getHttpMethod(), path, query, pathNames, anyQuery, type, java));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, type, routes);
        }
    }

    private static Set<String> names(ResourceMethod method, Parameter.Source source) {
        return method.getInvocable().getParameters().stream().filter(p -> p.getSource() == source)
                .map(Parameter::getSourceName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Joins path segments and drops Jersey's regular expressions: {@code {id: [0-9]+}} is {@code {id}}. */
    static String join(String prefix, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return prefix;
        }
        String clean = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
        return (prefix + "/" + clean).replaceAll("/+", "/").replaceAll("/$", "");
    }
}
