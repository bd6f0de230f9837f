package org.audotics.auth.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person's account.
 *
 * @param id          opaque, 22 characters like catalog ids
 * @param email       lower-cased
 * @param displayName the name shown to others
 * @param country     ISO 3166-1 alpha-2 country code, or null when unknown
 * @param roles       e.g. {@code Set.of("user")} or {@code Set.of("user", "admin")}
 * @param createdAt   when the account was registered
 */
public record Account(String id, String email, String displayName, String country, Set<String> roles, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = Set.copyOf(roles);
    }
}
