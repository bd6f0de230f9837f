package org.audotics.auth.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A person's account.
 *
 * @param id          opaque, 22 base-62 characters like catalog ids; never changes
 * @param email       lower-cased ({@link Locale#ROOT}); unique among accounts
 * @param displayName the name shown to others, never blank
 * @param country     ISO 3166-1 alpha-2 code in upper case (e.g. {@code "SE"}), or null when not given
 * @param roles       e.g. {@code Set.of("user")} or {@code Set.of("user", "admin")} (see {@link Roles}); never null
 * @param createdAt   when the account was registered
 * @since 1.1
 */
public record Account(String id, String email, String displayName, String country, Set<String> roles, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        if (id.isBlank() || displayName.isBlank()) {
            throw new IllegalArgumentException("id and displayName must not be blank");
        }
        if (!email.equals(email.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("email must be lower-cased");
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be two upper-case letters, was " + country);
        }
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
