package org.audotics.http.internal;

import java.util.List;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import org.audotics.auth.api.AuthenticatedUser;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Tells the HTTP edge (the Jetty fragment, which writes the access log) which route a request matched and who
 * sent it, as servlet request attributes (Jersey's request properties are the servlet request's attributes): the
 * fragment lives in Jetty's class space and sees nothing of Jersey.
 * Runs right after authentication (before the access rules), so a request refused there is logged without a user.
 */
@Priority(Priorities.AUTHENTICATION + 1)
final class RequestTags implements ContainerRequestFilter {

    /** Names shared with the edge's {@code AccessLog} and {@code RequestIds} (a fragment we cannot import). */
    static final String ROUTE_ATTRIBUTE = "org.audotics.route";
    static final String USER_ATTRIBUTE = "org.audotics.user";
    static final String REQUEST_ID_ATTRIBUTE = "org.audotics.request_id";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ExtendedUriInfo uri) {
            request.setProperty(ROUTE_ATTRIBUTE, "/v1" + route(uri.getMatchedTemplates()));
        }
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedUser user) {
            request.setProperty(USER_ATTRIBUTE, user.id());
        }
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
