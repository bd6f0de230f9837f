package org.audotics.auth.internal.providers;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A provider people may sign in with, as configured by the {@code provider.<name>.*} keys (see
 * {@link ProviderSettings}). For {@link Type#OIDC} the endpoints come from {@link #discoveryUrl()}; for the
 * others they are given (Spotify's are preset).
 *
 * @param name             the configured name, {@code [a-z0-9][a-z0-9_-]{0,31}}; in the paths and the identity rows
 * @param displayName      shown to people, e.g. "Spotify"
 * @param clientSecret     empty for a public client (PKCE only)
 * @param discoveryUrl     OIDC only, else null
 * @param authorizationUrl null for OIDC (from discovery)
 * @param tokenUrl         null for OIDC (from discovery)
 * @param userinfoUrl      the profile URL; null for OIDC (the id_token's claims are used)
 * @param clientAuth       how the client authenticates at the token endpoint; null for OIDC means "as the discovery document says"
 * @param trustEmail       plain OAuth 2 / Spotify: whether the profile's email is verified by the provider (OIDC uses {@code email_verified})
 */
record Provider(String name, String displayName, Type type, String clientId, String clientSecret, URI discoveryUrl, URI authorizationUrl,
        URI tokenUrl, URI userinfoUrl, List<String> scopes, String subjectField, String emailField, String nameField, ClientAuth clientAuth,
        boolean trustEmail) {

    /** How the provider is spoken to. */
    enum Type {
        /** OpenID Connect: discovery document, id_token checked against the provider's JWKS. */
        OIDC,
        /** Plain OAuth 2: explicit URLs, the person read from a profile URL. */
        OAUTH2,
        /** Plain OAuth 2 with Spotify's endpoints, scopes and profile fields preset. */
        SPOTIFY
    }

    /** Client authentication at the token endpoint (RFC 6749 section 2.3.1). */
    enum ClientAuth {
        /** HTTP Basic with the client id and secret ({@code client_secret_basic}). */
        BASIC,
        /** {@code client_id} and {@code client_secret} in the form body ({@code client_secret_post}). */
        POST
    }

    Provider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clientId, "clientId");
        clientSecret = clientSecret == null ? "" : clientSecret;
        scopes = List.copyOf(scopes);
    }

    /** Without the client secret, so a log line cannot leak it. */
    @Override
    public String toString() {
        return "Provider[" + name + ", " + type + ", client " + clientId + "]";
    }

    boolean isOidc() {
        return type == Type.OIDC;
    }
}
