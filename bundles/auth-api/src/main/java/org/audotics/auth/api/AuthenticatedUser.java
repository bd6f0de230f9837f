package org.audotics.auth.api;

import java.util.Objects;
import java.util.Set;

/**
 * A caller whose credential was accepted.
 *
 * @param id    opaque user id, never blank
 * @param roles the roles granted, e.g. {@link Roles#ADMIN}; never null, possibly empty
 */
public record AuthenticatedUser(String id, Set<String> roles) {

    public AuthenticatedUser {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
