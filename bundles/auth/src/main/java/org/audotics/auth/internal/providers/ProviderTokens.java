package org.audotics.auth.internal.providers;

import java.time.Instant;
import java.util.Objects;

/**
 * What the provider's token endpoint answered.
 *
 * @param accessToken  never null
 * @param refreshToken null when none was given
 * @param expiresAt    when the access token expires, null when the provider did not say
 * @param idToken      OIDC: the id_token (required there); null otherwise
 */
record ProviderTokens(String accessToken, String refreshToken, Instant expiresAt, String idToken) {

    ProviderTokens {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "ProviderTokens[expiresAt=" + expiresAt + "]"; // never the tokens
    }
}
