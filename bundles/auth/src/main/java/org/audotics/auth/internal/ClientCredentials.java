package org.audotics.auth.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A client's id and secret, from {@code Authorization: Basic base64(id:secret)} (each part form-encoded
 * first, RFC 6749 section 2.3.1) or from the body's {@code client_id} and {@code client_secret} fields.
 * Using both is {@code invalid_request}; a malformed Basic header or no credentials at all is
 * {@code invalid_client}.
 */
record ClientCredentials(String clientId, String clientSecret) {

    private static final String BASIC = "Basic ";

    static ClientCredentials of(String authorization, Map<String, String> form) {
        boolean inForm = form.containsKey("client_id") || form.containsKey("client_secret");
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
                throw OAuthError.invalidClient("client authentication must use the Basic scheme");
            }
            if (inForm) {
                throw OAuthError.invalidRequest("send the client's credentials once: in the Authorization header or in the body, not both");
            }
            return basic(authorization.substring(BASIC.length()).strip());
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
            throw OAuthError.invalidClient("client authentication is required: HTTP Basic, or the fields 'client_id' and 'client_secret'");
        }
        return new ClientCredentials(id, secret);
    }

    private static ClientCredentials basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw OAuthError.invalidClient("the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw OAuthError.invalidClient("the Basic credentials must be base64(client_id:client_secret)");
        }
        try {
            return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            throw OAuthError.invalidClient("the Basic credentials are not valid form encoding");
        }
    }
}
