package org.audotics.http.internal;

import java.util.List;
import javax.annotation.Priority;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

/**
 * Enforces {@code @RolesAllowed} on resource methods (or their class): 401 for an anonymous caller, 403
 * for a caller without any of the roles. Jersey's own feature answers 403 in both cases, which hides from
 * a client that it simply forgot its token.
 */
final class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed roles = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            context.register(new RoleCheck(List.of(roles.value())));
        }
    }

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
            if (roles.stream().noneMatch(security::isUserInRole)) {
                throw new ForbiddenException();
            }
        }
    }
}
