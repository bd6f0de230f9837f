package org.audotics.auth.internal.authorize;

import java.util.Objects;
import java.util.Set;

/**
 * A validated authorization request (RFC 6749 section 4.1.1) waiting for the user's consent.
 *
 * @param clientId         the app's client id
 * @param redirectUri      where the answer goes: one of the app's registered URIs, exactly
 * @param redirectUriGiven whether the client sent {@code redirect_uri} (then its token request must send the same, section 4.1.3)
 * @param scopes           the scopes asked for, each a user scope; empty for none
 * @param state            the client's {@code state}, answered back as is; null when it sent none
 * @param codeChallenge    the {@code S256} PKCE challenge
 */
public record AuthorizationRequest(String clientId, String redirectUri, boolean redirectUriGiven, Set<String> scopes, String state,
        String codeChallenge) {

    public AuthorizationRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        scopes = Set.copyOf(scopes);
    }
}
