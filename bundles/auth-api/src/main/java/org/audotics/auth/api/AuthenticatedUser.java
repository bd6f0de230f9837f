package org.audotics.auth.api;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A caller whose credential was accepted; the HTTP bundle hands it to resources as the request's
 * principal ({@code SecurityContext.getUserPrincipal()}) (cast it to this type).
 *
 * <p>A user's own tokens carry every user scope and no app id; a token a third-party app obtained for a
 * user carries the scopes the user granted and that app's client id. Credentials that have no scopes (the
 * bootstrap admin token, made with the two-argument constructor) carry none: resources that check scopes
 * treat an {@link Roles#ADMIN} caller as allowed.
 *
 * @param id     opaque user id, never blank
 * @param roles  the roles granted, e.g. {@link Roles#ADMIN}; never null, possibly empty
 * @param scopes the OAuth scopes the credential grants (Spotify's names, e.g. {@code user-read-private});
 *               never null, possibly empty
 * @param appId  the client id of the app the credential was issued to, or null for the user's own
 *               credential
 */
public record AuthenticatedUser(String id, Set<String> roles, Set<String> scopes, String appId) implements Principal {

    public AuthenticatedUser {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        if (appId != null && appId.isBlank()) {
            throw new IllegalArgumentException("appId must be null or not blank");
        }
    }

    /** A caller with roles only: no scopes, no app (the form of version 1.0, kept for its callers). */
    public AuthenticatedUser(String id, Set<String> roles) {
        this(id, roles, Set.of(), null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The app the credential was issued to, empty for the user's own credential. */
    public Optional<String> app() {
        return Optional.ofNullable(appId);
    }

    /** The user id: {@link Principal#getName()} names the user. */
    @Override
    public String getName() {
        return id;
    }
}
