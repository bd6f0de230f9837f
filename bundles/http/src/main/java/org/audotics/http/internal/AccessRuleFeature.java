package org.audotics.http.internal;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

/**
 * Who may call each resource method, decided once when the application is built:
 * <ul>
 * <li>{@code @PermitAll} (on the method, or on its class when the method says nothing): anyone, a token
 * optional. Only the endpoints that must work before a client has a token carry it (registration, the
 * token and revocation endpoints, the authorization pages).</li>
 * <li>{@code @RolesAllowed}: a caller with one of the roles; 401 for an anonymous caller, 403 for a caller
 * without any of them. Jersey's own feature answers 403 in both cases, which hides from a client that it
 * simply forgot its token.</li>
 * <li>Nothing: any authenticated caller (a user's token, an app's own token, the admin token), 401 for an
 * anonymous one. So a resource that forgets to say who may call it is closed, not open, and every
 * {@code /v1} read needs a token as Spotify's do.</li>
 * </ul>
 * The method's annotation wins over its class's. {@code OPTIONS} (which Jersey answers itself with the
 * allowed methods) stays open: browsers send CORS preflights without credentials.
 */
final class AccessRuleFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AnnotatedElement method = resource.getResourceMethod();
        AnnotatedElement type = resource.getResourceClass();
        if (method == null || type == null || isOptions(resource)) {
            return;
        }
        AnnotatedElement rule = saysWho(method) ? method : saysWho(type) ? type : null;
        if (rule == null) {
            context.register(new RoleCheck(List.of()));
        } else if (!rule.isAnnotationPresent(PermitAll.class) && rule.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RoleCheck(List.of(rule.getAnnotation(RolesAllowed.class).value())));
        }
    }

    private static boolean saysWho(AnnotatedElement element) {
        return element.isAnnotationPresent(PermitAll.class) || element.isAnnotationPresent(RolesAllowed.class);
    }

    /** An {@code @OPTIONS} method, or the one Jersey generates (declared by one of Jersey's own classes). */
    private static boolean isOptions(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(OPTIONS.class)
                || resource.getResourceMethod().getDeclaringClass().getName().startsWith("org.glassfish.jersey.");
    }

    /** 401 without a caller; with roles listed, 403 for a caller holding none of them. */
    @Priority(Priorities.AUTHORIZATION)
    private static final class RoleCheck implements ContainerRequestFilter {

        private final List<String> roles;

        RoleCheck(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw AuthenticationFilter.unauthorized();
            }
            if (!roles.isEmpty() && roles.stream().noneMatch(security::isUserInRole)) {
                throw new ForbiddenException();
            }
        }
    }
}
