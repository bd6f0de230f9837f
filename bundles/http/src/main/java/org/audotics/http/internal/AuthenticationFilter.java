package org.audotics.http.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;

/**
 * Resolves {@code Authorization: Bearer <token>} to a user through the {@link Authenticator} service. A
 * request without the header stays anonymous (resources that need a role say so with
 * {@code @RolesAllowed}); a request with a header that is not a valid bearer token is refused with 401
 * here, so a client learns at once that its token is wrong.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Supplier<Optional<Authenticator>> authenticator;

    AuthenticationFilter(Supplier<Optional<Authenticator>> authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            throw unauthorized();
        }
        String token = header.substring(BEARER.length()).strip();
        AuthenticatedUser user = authenticator.get()
                .flatMap(service -> service.authenticate(token))
                .orElseThrow(AuthenticationFilter::unauthorized);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new UserSecurityContext(user, secure));
    }

    static NotAuthorizedException unauthorized() {
        return new NotAuthorizedException("Bearer realm=\"audotics\"");
    }

    /** The authenticated user as JAX-RS sees it. */
    record UserSecurityContext(AuthenticatedUser user, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return user::id;
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
