package org.audotics.ratelimit.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, as far as limits are concerned.
 *
 * @param token   a stable name of the authenticated token's owner (the user, or the app and user the token was
 *                issued to), or null for an anonymous request; never the token itself
 * @param address the client's network address as the server sees it
 */
public record Requester(String token, String address) {

    public Requester {
        Objects.requireNonNull(address, "address");
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("token must be null or not blank");
        }
    }

    /** An anonymous request from {@code address}. */
    public static Requester anonymous(String address) {
        return new Requester(null, address);
    }

    public Optional<String> tokenOwner() {
        return Optional.ofNullable(token);
    }
}
