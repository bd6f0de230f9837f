package org.audotics.auth.internal.providers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.internal.AuthConfig;
import org.audotics.auth.internal.ProviderTokenCipher;
import org.audotics.auth.internal.accounts.PasswordlessAccounts;
import org.audotics.http.api.ApiException;
import org.audotics.storage.api.Database;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign in with another provider: authorization code + PKCE (RFC 6749 section 4.1, RFC 7636 S256) against
 * the providers of the auth configuration ({@link ProviderSettings}). {@link #authorizationUri} sends the
 * person to the provider with a fresh single-use {@code state} ({@link SignInStates}) bound to the PKCE
 * verifier and, for OIDC, a {@code nonce}; {@link #complete} takes the state back, exchanges the code,
 * learns who signed in (OIDC: the id_token, checked by {@link IdTokenVerifier} against the provider's JWKS;
 * plain OAuth 2 / Spotify: the profile URL read with the provider's access token) and finds or makes the
 * account ({@link AccountLinker}).
 *
 * <p>The redirect_uri is {@code <public.base.url>/v1/auth/oauth/<name>/callback}, or made from the request's
 * base URI when {@code public.base.url} is empty. OIDC discovery documents are read on first use and kept
 * for {@link #DISCOVERY_LIFETIME} (a failed read is not kept); JWKS are jose4j's {@link HttpsJwks}, which
 * re-reads them for an unknown key id. Thread-safe.
 */
@Component(service = ProviderSignIn.class, configurationPid = AuthConfig.PID)
public final class ProviderSignIn {

    static final Duration DISCOVERY_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIn.class);

    private record Discovered(ProviderEndpoints endpoints, Instant readAt) {
    }

    private final Map<String, Provider> providers;
    private final URI publicBase;
    private final SignInStates states;
    private final AccountLinker linker;
    private final ProviderClient client;
    private final IdTokenVerifier idTokens;
    private final Function<URI, VerificationKeyResolver> keysOf;
    private final Clock clock;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();
    private final Map<URI, VerificationKeyResolver> keys = new ConcurrentHashMap<>();

    @Activate
    public ProviderSignIn(@Reference Database database, @Reference PasswordlessAccounts passwordless, @Reference AccountService accounts,
            @Reference ProviderTokenCipher cipher, AuthConfig config, Map<String, Object> properties) {
        this(ProviderSettings.parse(properties), publicBase(config.public_base_url()), new SignInStates(database, Clock.systemUTC()),
                new AccountLinker(new ProviderIdentities(database, cipher, Clock.systemUTC()), passwordless, accounts),
                new ProviderClient(Clock.systemUTC()), new IdTokenVerifier(Clock.systemUTC()),
                jwks -> new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks.toString())), Clock.systemUTC());
    }

    ProviderSignIn(ProviderSettings.Parsed settings, URI publicBase, SignInStates states, AccountLinker linker, ProviderClient client,
            IdTokenVerifier idTokens, Function<URI, VerificationKeyResolver> keysOf, Clock clock) {
        this.providers = settings.providers();
        this.publicBase = publicBase;
        this.states = states;
        this.linker = linker;
        this.client = client;
        this.idTokens = idTokens;
        this.keysOf = keysOf;
        this.clock = clock;
        settings.problems().forEach(problem -> LOG.error("Sign-in providers: {}", problem));
        LOG.info("Sign-in providers: {}", providers.isEmpty() ? "none" : String.join(", ", providers.keySet()));
    }

    /** @return null when empty; an invalid value is logged and ignored (the request's base is used) */
    static URI publicBase(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String text = configured.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = URI.create(text + "/v1/");
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // logged below
        }
        LOG.error("public.base.url '{}' is not an absolute http(s) URL without query; taking the base URL from each request", configured);
        return null;
    }

    /** The configured providers, in the configured order. */
    Collection<Provider> providers() {
        return providers.values();
    }

    /** @throws ApiException 404 for an unknown name */
    Provider provider(String name) {
        Provider provider = name == null ? null : providers.get(name);
        if (provider == null) {
            throw SignInErrors.unknownProvider(name == null ? "" : SignInErrors.printable(name));
        }
        return provider;
    }

    /** Our callback for the provider: from public.base.url, else from the request's base URI ({@code .../v1/}). */
    String redirectUri(Provider provider, URI requestBase) {
        URI base = publicBase != null ? publicBase : requestBase;
        return base.resolve("auth/oauth/" + provider.name() + "/callback").toString();
    }

    /**
     * Starts a sign-in.
     *
     * @param requestBase the request's {@code /v1/} base URI
     * @return where to send the person: the provider's authorization endpoint with the request's parameters
     */
    URI authorizationUri(String name, URI requestBase) {
        Provider provider = provider(name);
        ProviderEndpoints endpoints = endpoints(provider);
        String verifier = SignInStates.random(32);
        String nonce = provider.isOidc() ? SignInStates.random(16) : null;
        String redirectUri = redirectUri(provider, requestBase);
        String state = states.start(new SignInStates.Pending(provider.name(), verifier, nonce, redirectUri));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirectUri);
        if (!provider.scopes().isEmpty()) {
            query.put("scope", String.join(" ", provider.scopes()));
        }
        query.put("state", state);
        query.put("code_challenge", SignInStates.challenge(verifier));
        query.put("code_challenge_method", "S256");
        if (nonce != null) {
            query.put("nonce", nonce);
        }
        StringBuilder uri = new StringBuilder(endpoints.authorization().toString());
        char separator = endpoints.authorization().getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(ProviderClient.formEncode(parameter.getKey())).append('=').append(ProviderClient.formEncode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /**
     * Finishes a sign-in from the provider's callback parameters.
     *
     * @throws ApiException 404 unknown provider, 400 {@code invalid_parameter} (no state or code; the
     *                      provider's {@code error} is answered first, with or without a state),
     *                      {@code invalid_state}, {@code access_denied}, {@code provider_error},
     *                      {@code provider_refused}; 401 {@code invalid_id_token}; 409 {@code email_taken};
     *                      422 {@code provider_profile_unusable}; 503 {@code provider_unavailable}
     */
    Account complete(String name, String code, String state, String error, String errorDescription) {
        Provider provider = provider(name);
        if (error != null && !error.isEmpty()) {
            if (state != null && !state.isEmpty()) {
                states.take(provider.name(), state); // used up: the person starts again
            }
            throw SignInErrors.denied(provider.displayName(), error, errorDescription);
        }
        if (state == null || state.isEmpty()) {
            throw ApiException.invalidParameter("parameter 'state' is required");
        }
        if (code == null || code.isEmpty()) {
            throw ApiException.invalidParameter("parameter 'code' is required");
        }
        SignInStates.Pending pending = states.take(provider.name(), state).orElseThrow(SignInErrors::invalidState);
        ProviderEndpoints endpoints = endpoints(provider);
        ProviderTokens tokens = client.exchange(provider, endpoints, code, pending.codeVerifier(), pending.redirectUri());
        ProviderProfile profile = provider.isOidc()
                ? idTokens.verify(provider, tokens.idToken(), endpoints.issuer(), pending.nonce(), keys.computeIfAbsent(endpoints.jwks(), keysOf))
                : profile(provider, client.profile(provider, endpoints.profile(), tokens.accessToken()));
        return linker.signIn(provider, profile, tokens);
    }

    /** The person in a plain OAuth 2 profile, by the configured (dotted) field paths. */
    static ProviderProfile profile(Provider provider, Map<String, Object> json) {
        Object subject = field(json, provider.subjectField());
        if (!(subject instanceof String || subject instanceof Number) || String.valueOf(subject).isBlank()) {
            throw SignInErrors.unusable(provider.displayName(), "its profile has no '" + provider.subjectField() + "' (subject.field)");
        }
        String id = subject instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                ? Long.toString(number.longValue()) : String.valueOf(subject);
        if (id.length() > 255) {
            throw SignInErrors.unusable(provider.displayName(), "its subject is longer than 255 characters");
        }
        Object email = field(json, provider.emailField());
        Object name = field(json, provider.nameField());
        return new ProviderProfile(id, email instanceof String text ? text : null, provider.trustEmail(), name instanceof String text ? text : null);
    }

    private static Object field(Map<String, Object> json, String path) {
        Object value = json;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private ProviderEndpoints endpoints(Provider provider) {
        if (!provider.isOidc()) {
            return new ProviderEndpoints(provider.authorizationUrl(), provider.tokenUrl(), provider.userinfoUrl(), null, null, provider.clientAuth());
        }
        Discovered known = discovered.get(provider.name());
        if (known == null || known.readAt().plus(DISCOVERY_LIFETIME).isBefore(clock.instant())) {
            known = new Discovered(client.discover(provider), clock.instant());
            discovered.put(provider.name(), known);
        }
        return known.endpoints();
    }
}
