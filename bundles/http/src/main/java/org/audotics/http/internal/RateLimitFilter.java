package org.audotics.http.internal;

import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.http.api.ErrorBody;
import org.audotics.ratelimit.api.Decision;
import org.audotics.ratelimit.api.RateLimiter;
import org.audotics.ratelimit.api.Requester;
import org.audotics.ratelimit.api.RouteGroup;

/**
 * Counts every {@code /v1} request with the {@link RateLimiter} (when a rate-limit bundle is installed) and refuses
 * one over its limit with 429, {@code Retry-After} in seconds and Spotify's error body ({@code "API rate limit
 * exceeded"}), which Spotify's clients already handle (spotify-web-api-java's {@code TooManyRequestsException}
 * reads the header).
 *
 * <p>Runs after authentication, so an authenticated request is counted for its token's owner as well as for its
 * address; a request whose token is refused is answered 401 before it is counted (verifying a token costs less than
 * a Redis round trip). A request that matches no route is answered 404 by Jersey before any filter and is not
 * counted: it costs the server less than counting it would. The address is the connection's remote address: behind a reverse proxy every client would
 * share the proxy's, so there the per-address limits should be raised or set to 0 and left to the proxy.
 */
@Priority(Priorities.AUTHENTICATION + 500)
final class RateLimitFilter implements ContainerRequestFilter {

    static final String MESSAGE = "API rate limit exceeded";
    static final String CODE = "rate_limited";

    private final Supplier<RateLimiter> limiter;

    @Context
    private HttpServletRequest servletRequest;

    RateLimitFilter(Supplier<RateLimiter> limiter) {
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimiter current = limiter.get();
        if (current == null) {
            return;
        }
        RouteGroup group = RouteGroups.of(request.getMethod(), request.getUriInfo().getPath());
        Decision decision = current.acquire(group, new Requester(tokenOwner(request), address()));
        if (!decision.allowed()) {
            request.abortWith(Response.status(429)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                    .entity(ErrorBody.of(429, CODE, MESSAGE))
                    .build());
        }
    }

    /** The user (and app) the token was issued to: limits follow the owner, not one token string. */
    private static String tokenOwner(ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedUser user) {
            return user.app().map(app -> "app:" + app + ":user:" + user.id()).orElse("user:" + user.id());
        }
        return null;
    }

    private String address() {
        try {
            String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
            return address == null ? "unknown" : address;
        } catch (IllegalStateException outsideServlet) {
            return "unknown"; // Jersey run without a servlet container (tests): one address for all
        }
    }
}
