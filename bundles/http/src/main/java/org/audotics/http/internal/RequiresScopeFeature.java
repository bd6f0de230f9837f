package org.audotics.http.internal;

import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.HttpHeaders;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RequiresScope;

/**
 * Enforces {@link RequiresScope} on resource methods (or their class): 401 for an anonymous caller, 403
 * {@code insufficient_scope} with RFC 6750's {@code WWW-Authenticate} challenge for a token without every
 * scope named. An admin caller is not scope-limited. Runs after {@code @RolesAllowed}, so a token of the
 * wrong kind learns about its role first.
 */
final class RequiresScopeFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RequiresScope scopes = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (scopes == null) {
            scopes = resource.getResourceClass().getAnnotation(RequiresScope.class);
        }
        if (scopes != null) {
            context.register(new ScopeCheck(List.of(scopes.value())));
        }
    }

    @Priority(Priorities.AUTHORIZATION + 10)
    static final class ScopeCheck implements ContainerRequestFilter {

        private final List<String> scopes;
        private final String challenge;

        ScopeCheck(List<String> scopes) {
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("@RequiresScope names no scope");
            }
            this.scopes = scopes;
            this.challenge = "Bearer realm=\"audotics\", error=\"insufficient_scope\", scope=\"" + String.join(" ", scopes) + "\"";
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw AuthenticationFilter.unauthorized();
            }
            if (security.isUserInRole(Roles.ADMIN)) {
                return;
            }
            List<String> missing = security.getUserPrincipal() instanceof AuthenticatedUser user
                    ? scopes.stream().filter(scope -> !user.hasScope(scope)).toList() : scopes;
            if (!missing.isEmpty()) {
                request.abortWith(ErrorBody.response(403, ErrorCodes.INSUFFICIENT_SCOPE,
                                "the token does not grant the scope this operation needs: "
                                        + missing.stream().collect(Collectors.joining(" ")))
                        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                        .build());
            }
        }
    }
}
