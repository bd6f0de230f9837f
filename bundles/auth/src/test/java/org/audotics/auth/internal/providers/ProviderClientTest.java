package org.audotics.auth.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's HTTP side against the JDK's HTTP server on a free local port: what it sends, and each way it can fail. */
class ProviderClientTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private HttpServer http;
    private String base;
    /** path to status and body */
    private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final ProviderClient client = new ProviderClient(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::answer);
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.put(path + " authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        received.put(path + " body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map.Entry<Integer, String> answer = answers.getOrDefault(path, Map.entry(404, "{\"error\":\"not_found\"}"));
        byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.getKey(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Provider oidc(Provider.ClientAuth auth) {
        return new Provider("idp", "Idp", Provider.Type.OIDC, "client id", "se:cret&", URI.create(base + "/idp/.well-known/openid-configuration"),
                null, null, null, List.of("openid"), null, null, null, auth, false);
    }

    private Provider plain(Provider.ClientAuth auth) {
        return new Provider("plain", "Plain", Provider.Type.OAUTH2, "client id", "se:cret&", null, URI.create(base + "/authorize"),
                URI.create(base + "/token"), URI.create(base + "/me"), List.of(), "id", "email", "name", auth, false);
    }

    private ProviderEndpoints endpoints(Provider provider) {
        return new ProviderEndpoints(provider.authorizationUrl(), provider.tokenUrl(), provider.userinfoUrl(), null, null, provider.clientAuth());
    }

    private static ApiException refusal(Runnable call) {
        return assertThrows(ApiException.class, call::run);
    }

    @Test
    void readsTheDiscoveryDocumentAndItsClientAuthentication() {
        String issuer = base + "/idp";
        answers.put("/idp/.well-known/openid-configuration", Map.entry(200, "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\"]}"));
        ProviderEndpoints endpoints = client.discover(oidc(null));
        assertEquals(issuer, endpoints.issuer());
        assertEquals(URI.create(issuer + "/token"), endpoints.token());
        assertEquals(URI.create(issuer + "/jwks"), endpoints.jwks());
        assertEquals(Provider.ClientAuth.POST, endpoints.clientAuth());
        assertEquals(Provider.ClientAuth.BASIC, client.discover(oidc(Provider.ClientAuth.BASIC)).clientAuth(), "configured wins");
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerOrWithoutEndpointsIsRefused() {
        answers.put("/idp/.well-known/openid-configuration", Map.entry(200, "{\"issuer\":\"https://evil.example.com\",\"authorization_endpoint\":"
                + "\"https://evil.example.com/a\",\"token_endpoint\":\"https://evil.example.com/t\",\"jwks_uri\":\"https://evil.example.com/j\"}"));
        assertEquals("provider_unavailable", refusal(() -> client.discover(oidc(null))).code());
        answers.put("/idp/.well-known/openid-configuration", Map.entry(200, "{\"issuer\":\"" + base + "/idp\"}"));
        assertTrue(refusal(() -> client.discover(oidc(null))).getMessage().contains("authorization_endpoint"));
        answers.put("/idp/.well-known/openid-configuration", Map.entry(200, "<html>"));
        assertEquals("provider_profile_unusable", refusal(() -> client.discover(oidc(null))).code());
    }

    @Test
    void exchangesTheCodeWithBasicAuthentication() {
        answers.put("/token", Map.entry(200, "{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"));
        ProviderTokens tokens = client.exchange(plain(Provider.ClientAuth.BASIC), endpoints(plain(Provider.ClientAuth.BASIC)), "the code", "verifier",
                "https://me.example/v1/auth/oauth/plain/callback");
        assertEquals("at", tokens.accessToken());
        assertEquals("rt", tokens.refreshToken());
        assertEquals(NOW.plusSeconds(3600), tokens.expiresAt());
        assertNull(tokens.idToken());
        // RFC 6749 section 2.3.1: id and secret form-encoded, then Basic
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("client+id:se%3Acret%26".getBytes(StandardCharsets.UTF_8)),
                received.get("/token authorization"));
        assertEquals("grant_type=authorization_code&code=the+code&redirect_uri=https%3A%2F%2Fme.example%2Fv1%2Fauth%2Foauth%2Fplain%2Fcallback"
                + "&code_verifier=verifier", received.get("/token body"));
    }

    @Test
    void exchangesTheCodeWithTheSecretInTheForm() {
        answers.put("/token", Map.entry(200, "{\"access_token\":\"at\",\"expires_in\":\"60\"}"));
        ProviderTokens tokens = client.exchange(plain(Provider.ClientAuth.POST), endpoints(plain(Provider.ClientAuth.POST)), "c", "v", "https://r/");
        assertEquals(NOW.plusSeconds(60), tokens.expiresAt());
        assertNull(tokens.refreshToken());
        assertEquals("null", received.get("/token authorization"));
        assertTrue(received.get("/token body").endsWith("&client_id=client+id&client_secret=se%3Acret%26"), received.get("/token body"));
    }

    @Test
    void eachFailureOfTheProviderHasItsAnswer() throws IOException {
        Provider provider = plain(Provider.ClientAuth.BASIC);
        answers.put("/token", Map.entry(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}"));
        ApiException refused = refusal(() -> client.exchange(provider, endpoints(provider), "c", "v", "https://r/"));
        assertEquals(400, refused.status());
        assertEquals("provider_refused", refused.code());
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());

        answers.put("/token", Map.entry(502, "bad gateway"));
        ApiException down = refusal(() -> client.exchange(provider, endpoints(provider), "c", "v", "https://r/"));
        assertEquals(503, down.status());
        assertEquals("provider_unavailable", down.code());

        answers.put("/token", Map.entry(200, "{\"token_type\":\"Bearer\"}"));
        assertEquals("provider_profile_unusable", refusal(() -> client.exchange(provider, endpoints(provider), "c", "v", "https://r/")).code());

        answers.put("/me", Map.entry(401, "{}"));
        assertEquals("provider_refused", refusal(() -> client.profile(provider, provider.userinfoUrl(), "at")).code());

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ApiException unreachable = refusal(() -> client.profile(provider, URI.create("http://127.0.0.1:" + closed + "/me"), "at"));
        assertEquals(503, unreachable.status());
        assertEquals("provider_unavailable", unreachable.code());
    }

    @Test
    void readsTheProfileWithTheProvidersToken() {
        Provider provider = plain(Provider.ClientAuth.BASIC);
        answers.put("/me", Map.entry(200, "{\"id\":12345,\"email\":\"jane@example.org\",\"name\":null}"));
        Map<String, Object> profile = client.profile(provider, provider.userinfoUrl(), "their-token");
        assertEquals("Bearer their-token", received.get("/me authorization"));
        ProviderProfile person = ProviderSignIn.profile(provider, profile);
        assertEquals("12345", person.subject());
        assertNull(person.name());
    }
}
