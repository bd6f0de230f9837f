package org.audotics.auth.internal.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.audotics.auth.internal.apps.App;

/**
 * Where the authorization endpoint may send the user back: one of the app's registered redirect URIs,
 * compared exactly, character for character (RFC 6749 section 3.1.2.3; no normalisation, no prefix match,
 * so no open redirect). {@code redirect_uri} may be omitted only when the app registered exactly one.
 */
public final class RedirectUris {

    private RedirectUris() {
    }

    /**
     * @param requested the request's {@code redirect_uri}, or null when omitted
     * @return the URI to redirect to, or empty when {@code requested} is not registered, or omitted while the
     *         app has several
     */
    public static Optional<String> resolve(App app, String requested) {
        if (requested == null) {
            return app.redirectUris().size() == 1 ? Optional.of(app.redirectUris().get(0)) : Optional.empty();
        }
        return app.redirectUris().contains(requested) ? Optional.of(requested) : Optional.empty();
    }

    /**
     * The redirect URI with the parameters added to its query (section 4.1.2: keeping the query it had),
     * each form-encoded with {@code %20} for a space. Null values are left out; order is kept.
     */
    public static String withParameters(String redirectUri, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return uri.toString();
    }

    /**
     * The CSP source of the URI's origin ({@code https://app.example.com:8443}), for the consent page's
     * {@code form-action}: browsers apply {@code form-action} to the redirect that answers the form, so
     * {@code 'self'} alone would block the way back to the app. Empty when the URI has no plain origin.
     */
    static Optional<String> origin(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return Optional.empty();
            }
            return Optional.of(scheme.toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
