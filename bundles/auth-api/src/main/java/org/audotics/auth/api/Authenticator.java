package org.audotics.auth.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolves a bearer credential to the user it belongs to.
 *
 * <p>Provided by the auth bundle; called by the HTTP bundle's authentication filter once per request
 * that carries {@code Authorization: Bearer <token>}, concurrently from many threads. Must not do slow
 * I/O on the request path beyond a cache or database lookup.
 */
@ProviderType
public interface Authenticator {

    /**
     * @param bearerToken the credential after {@code "Bearer "}, never null or blank
     * @return the user, or empty when the credential is unknown, expired or revoked (never throws for a
     *         bad credential: the caller answers 401)
     */
    Optional<AuthenticatedUser> authenticate(String bearerToken);
}
