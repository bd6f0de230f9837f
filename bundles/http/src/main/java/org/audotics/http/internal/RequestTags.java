package org.audotics.http.internal;

import java.util.List;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import org.audotics.auth.api.AuthenticatedUser;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Tells the HTTP edge (the Jetty fragment, which writes the access log) which route a request matched and who
 * sent it, as servlet request attributes (Jersey's request properties are the servlet request's attributes): the
 * fragment lives in Jetty's class space and sees nothing of Jersey.
 * Runs on the answer, so a request refused by authentication or an access rule is tagged too (a refused token
 * leaves no user).
 */
final class RequestTags implements ContainerResponseFilter {

    /** Names shared with the edge's {@code AccessLog} and {@code RequestIds} (a fragment we cannot import). */
    static final String ROUTE_ATTRIBUTE = "org.audotics.route";
    static final String USER_ATTRIBUTE = "org.audotics.user";
    static final String REQUEST_ID_ATTRIBUTE = "org.audotics.request_id";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String route = routeOf(request);
        if (route != null) {
            request.setProperty(ROUTE_ATTRIBUTE, route);
        }
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedUser user) {
            request.setProperty(USER_ATTRIBUTE, user.id());
        }
    }

    /** The template of the route the request matched ({@code /v1/tracks/{id}}), or null when none matched. */
    static String routeOf(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ExtendedUriInfo uri && !uri.getMatchedTemplates().isEmpty()) {
            return "/v1" + route(uri.getMatchedTemplates());
        }
        return null;
    }

    /** The matched templates (innermost first, as Jersey lists them) joined outermost first: {@code /tracks/{id}}. */
    static String route(List<UriTemplate> matched) {
        StringBuilder out = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            String part = matched.get(i).getTemplate();
            if (part.isEmpty() || "/".equals(part)) {
                continue;
            }
            if (part.charAt(0) != '/') {
                out.append('/');
            }
            out.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        return out.toString();
    }
}
