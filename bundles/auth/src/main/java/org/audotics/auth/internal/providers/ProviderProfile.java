package org.audotics.auth.internal.providers;

import java.util.Objects;

/**
 * Who signed in, as the provider says.
 *
 * @param subject       the provider's stable id of the person, never blank
 * @param email         as given, or null
 * @param emailVerified whether the provider vouches for the email (OIDC {@code email_verified}, or a provider configured with {@code trust.email})
 * @param name          a name to show, or null
 */
record ProviderProfile(String subject, String email, boolean emailVerified, String name) {

    ProviderProfile {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        email = email == null || email.isBlank() ? null : email.strip();
        emailVerified = emailVerified && email != null;
        name = name == null || name.isBlank() ? null : name.strip();
    }
}
