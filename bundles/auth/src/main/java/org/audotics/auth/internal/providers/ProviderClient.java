package org.audotics.auth.internal.providers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Talks to a provider over HTTP ({@code java.net.http}, no redirects followed, 5 s to connect, 10 s per
 * answer): reads its discovery document, exchanges an authorization code (with the PKCE verifier) for its
 * tokens, reads a profile. A provider that cannot be reached or answers 5xx is {@code 503
 * provider_unavailable}; one that answers 4xx to the code exchange is {@code 400 provider_refused}. Answers
 * larger than {@value #MAX_ANSWER_CHARS} characters are refused. Thread-safe.
 */
class ProviderClient {

    static final int MAX_ANSWER_CHARS = 1_000_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Clock clock;

    ProviderClient(Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
    }

    /** The OIDC discovery document's endpoints; its issuer must be the URL it was read from, less the well-known suffix. */
    ProviderEndpoints discover(Provider provider) {
        Map<String, Object> document = json(provider, "its discovery document", send(provider, "its discovery document",
                HttpRequest.newBuilder(provider.discoveryUrl()).header("Accept", "application/json").GET()));
        String issuer = string(document, "issuer");
        URI authorization = uri(provider, document, "authorization_endpoint");
        URI token = uri(provider, document, "token_endpoint");
        URI jwks = uri(provider, document, "jwks_uri");
        if (issuer == null) {
            throw SignInErrors.unavailable(provider.displayName(), "its discovery document has no issuer");
        }
        String url = provider.discoveryUrl().toString();
        String suffix = "/.well-known/openid-configuration";
        if (url.endsWith(suffix) && !stripSlash(url.substring(0, url.length() - suffix.length())).equals(stripSlash(issuer))) {
            throw SignInErrors.unavailable(provider.displayName(), "its discovery document names another issuer");
        }
        Provider.ClientAuth auth = provider.clientAuth();
        if (auth == null) {
            Object methods = document.get("token_endpoint_auth_methods_supported");
            // RFC 8414: absent means client_secret_basic
            auth = methods instanceof List<?> list && !list.contains("client_secret_basic") && list.contains("client_secret_post")
                    ? Provider.ClientAuth.POST : Provider.ClientAuth.BASIC;
        }
        return new ProviderEndpoints(authorization, token, null, issuer, jwks, auth);
    }

    /** The authorization code grant with PKCE (RFC 6749 section 4.1.3, RFC 7636 section 4.5). */
    ProviderTokens exchange(Provider provider, ProviderEndpoints endpoints, String code, String verifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints.token()).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (endpoints.clientAuth() == Provider.ClientAuth.BASIC && !provider.clientSecret().isEmpty()) {
            String pair = formEncode(provider.clientId()) + ":" + formEncode(provider.clientSecret()); // RFC 6749 section 2.3.1
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", provider.clientId());
            if (!provider.clientSecret().isEmpty()) {
                form.put("client_secret", provider.clientSecret());
            }
        }
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(formEncode(name)).append('=').append(formEncode(value)));
        HttpResponse<String> answer = send(provider, "its token endpoint", request.POST(HttpRequest.BodyPublishers.ofString(body.toString())), true);
        if (answer.statusCode() >= 400) {
            String error = "the authorization code";
            try {
                Object said = JsonUtil.parseJson(answer.body()).get("error");
                if (said instanceof String text) {
                    error += " (" + SignInErrors.printable(text) + ")";
                }
            } catch (JoseException | RuntimeException notJson) {
                // the status says enough
            }
            throw SignInErrors.refused(provider.displayName(), error);
        }
        Map<String, Object> tokens = json(provider, "its token answer", answer);
        String accessToken = string(tokens, "access_token");
        if (accessToken == null) {
            throw SignInErrors.unusable(provider.displayName(), "its token answer has no access_token");
        }
        Object expiresIn = tokens.get("expires_in");
        Instant expiresAt = null;
        if (expiresIn instanceof Number seconds) {
            expiresAt = clock.instant().plusSeconds(seconds.longValue());
        } else if (expiresIn instanceof String seconds && seconds.matches("\\d{1,9}")) {
            expiresAt = clock.instant().plusSeconds(Long.parseLong(seconds));
        }
        return new ProviderTokens(accessToken, string(tokens, "refresh_token"), expiresAt, string(tokens, "id_token"));
    }

    /** The profile JSON read with the provider's access token. */
    Map<String, Object> profile(Provider provider, URI url, String accessToken) {
        HttpResponse<String> answer = send(provider, "its profile URL", HttpRequest.newBuilder(url).header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken).GET(), true);
        if (answer.statusCode() >= 400) {
            throw SignInErrors.refused(provider.displayName(), "its own access token at its profile URL (status " + answer.statusCode() + ")");
        }
        return json(provider, "its profile", answer);
    }

    private HttpResponse<String> send(Provider provider, String what, HttpRequest.Builder request) {
        HttpResponse<String> answer = send(provider, what, request, false);
        if (answer.statusCode() != 200) {
            throw SignInErrors.unavailable(provider.displayName(), what + " answered " + answer.statusCode());
        }
        return answer;
    }

    /** @param clientErrorsToo whether a 4xx is returned (for the caller to word) rather than thrown as unavailable */
    private HttpResponse<String> send(Provider provider, String what, HttpRequest.Builder request, boolean clientErrorsToo) {
        HttpResponse<String> answer;
        try {
            answer = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw SignInErrors.unavailable(provider.displayName(), what + " did not answer in time");
        } catch (IOException e) {
            throw SignInErrors.unavailable(provider.displayName(), what + " cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignInErrors.unavailable(provider.displayName(), "interrupted");
        }
        int status = answer.statusCode();
        if (status >= 500 || (status >= 300 && status < 400) || (!clientErrorsToo && status >= 400)) {
            throw SignInErrors.unavailable(provider.displayName(), what + " answered " + status);
        }
        return answer;
    }

    private static Map<String, Object> json(Provider provider, String what, HttpResponse<String> answer) {
        String body = answer.body();
        if (body.length() > MAX_ANSWER_CHARS) {
            throw SignInErrors.unusable(provider.displayName(), what + " is too large");
        }
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException notJson) {
            throw SignInErrors.unusable(provider.displayName(), what + " is not a JSON object");
        }
    }

    private static URI uri(Provider provider, Map<String, Object> document, String field) {
        String value = string(document, field);
        try {
            URI uri = value == null ? null : URI.create(value);
            if (uri == null || !uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException(field);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw SignInErrors.unavailable(provider.displayName(), "its discovery document has no usable " + field);
        }
    }

    static String string(Map<String, Object> json, String field) {
        return json.get(field) instanceof String text && !text.isEmpty() ? text : null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
