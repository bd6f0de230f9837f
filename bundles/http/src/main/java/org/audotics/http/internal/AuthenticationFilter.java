package org.audotics.http.internal;

import java.security.Principal;
import java.util.List;
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
 * Resolves {@code Authorization: Bearer <token>} to a user through the registered {@link Authenticator}
 * services (JWT access tokens, the bootstrap admin token, ...), asked highest ranking first until one
 * accepts. A request without the header stays anonymous here, and {@link AccessRuleFeature} then refuses it
 * with 401 unless its resource method is {@code @PermitAll}; a request with a header that no authenticator
 * accepts is refused with 401 here, even on an open endpoint, so a client learns at once that its token is
 * wrong.
 *
 * <p>An authenticator that fails (its database is down) does not stop the others from accepting the
 * token; when none accepts, the first failure is rethrown, so the client gets a 503 rather than a 401 that
 * would make it discard a token that may well be valid.
 *
 * <p>One exception: on the OAuth token endpoint ({@value #TOKEN_PATH}) an {@code Authorization: Basic}
 * header is the client's credentials (RFC 6749 section 2.3.1), not a bearer token, so it is left for that
 * endpoint to check and the request stays anonymous here.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    static final String TOKEN_PATH = "auth/token";

    private final Supplier<List<Authenticator>> authenticators;

    AuthenticationFilter(Supplier<List<Authenticator>> authenticators) {
        this.authenticators = authenticators;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || isClientAuthentication(request, header)) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            throw unauthorized();
        }
        String token = header.substring(BEARER.length()).strip();
        AuthenticatedUser user = authenticate(token).orElseThrow(AuthenticationFilter::unauthorized);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new UserSecurityContext(user, secure));
    }

    private static boolean isClientAuthentication(ContainerRequestContext request, String header) {
        String path = request.getUriInfo().getPath();
        return header.regionMatches(true, 0, BASIC, 0, BASIC.length()) && TOKEN_PATH.equals(path.startsWith("/") ? path.substring(1) : path);
    }

    private Optional<AuthenticatedUser> authenticate(String token) {
        RuntimeException failure = null;
        for (Authenticator authenticator : authenticators.get()) {
            try {
                Optional<AuthenticatedUser> user = authenticator.authenticate(token);
                if (user.isPresent()) {
                    return user;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Optional.empty();
    }

    static NotAuthorizedException unauthorized() {
        return new NotAuthorizedException("Bearer realm=\"audotics\"");
    }

    /** The authenticated user as JAX-RS sees it: the principal is the {@link AuthenticatedUser} itself. */
    record UserSecurityContext(AuthenticatedUser user, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return user;
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
