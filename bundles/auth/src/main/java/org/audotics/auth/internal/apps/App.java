package org.audotics.auth.internal.apps;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A third-party app registered by a user: its opaque client id, name, redirect URIs (validated at the edge,
 * in the order given) and owner (a user id). The client secret is never part of it.
 */
public record App(String clientId, String name, List<String> redirectUris, String owner, Instant createdAt) {

    public App {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        redirectUris = List.copyOf(redirectUris);
    }
}
