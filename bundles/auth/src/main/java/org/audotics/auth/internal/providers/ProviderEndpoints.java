package org.audotics.auth.internal.providers;

import java.net.URI;

/**
 * Where a provider is reached, from its configuration or (OIDC) its discovery document.
 *
 * @param issuer  OIDC: the {@code iss} its id_tokens must carry; null for plain OAuth 2
 * @param jwks    OIDC: its signing keys; null for plain OAuth 2
 * @param profile plain OAuth 2: the profile URL; OIDC: null (the id_token says who signed in)
 */
record ProviderEndpoints(URI authorization, URI token, URI profile, String issuer, URI jwks, Provider.ClientAuth clientAuth) {
}
