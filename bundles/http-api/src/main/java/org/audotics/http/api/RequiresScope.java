package org.audotics.http.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scopes a resource method (or every method of a resource class) needs, enforced once by the
 * HTTP bundle before the method runs, after authentication and {@code @RolesAllowed}:
 * <ul>
 * <li>no token: 401 {@code unauthorized};</li>
 * <li>a token that lacks one of the scopes: 403 {@code insufficient_scope} (our error body) with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} naming every scope needed
 * (RFC 6750 section 3.1);</li>
 * <li>a caller with the {@code admin} role is not scope-limited (the bootstrap admin token has no
 * scopes).</li>
 * </ul>
 * A method's annotation replaces its class's. Scope names are Spotify's where Spotify has one
 * ({@code user-read-private}, {@code playlist-modify-public}, ...); docs/api.md lists them per endpoint.
 *
 * <pre>{@code
 * @GET
 * @RolesAllowed(Roles.USER)
 * @RequiresScope("user-read-private")
 * public Map<String, Object> me(@Context SecurityContext security) { ... }
 * }</pre>
 *
 * @since 1.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {

    /** The scopes needed, all of them; at least one. */
    String[] value();
}
