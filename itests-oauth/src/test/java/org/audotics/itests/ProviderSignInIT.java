package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign in with another provider, browserless: the built distribution on real PostgreSQL and Redis, and a
 * real OAuth 2 / OpenID Connect server (mock-oauth2-server, non-interactive: its authorize endpoint approves
 * at once) in this JVM, offered twice: as an OIDC provider from its discovery URL ({@code corp}, client
 * secret by HTTP Basic) and as a plain OAuth 2 provider configured with its endpoint URLs ({@code plain},
 * secret in the form body, the person read from its userinfo URL). The mock server's authorize endpoint
 * parses every request as an OIDC one, so the plain provider asks for {@code openid} too; Audotics ignores
 * the id_token it then also gets.
 */
class ProviderSignInIT {

    static final String CORP_CLIENT = "audotics-corp";
    static final String PLAIN_CLIENT = "audotics-plain";

    static MockOAuth2Server provider;
    static TestDatabase database;
    static AudoticsServer server;
    static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        database = new TestDatabase();
        String prefix = "audotics-it-oauth-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        String auth = "admin.token = " + AudoticsServer.ADMIN_TOKEN + "\n"
                + "providers = corp, plain\n"
                + "provider.corp.discovery.url = " + provider.wellKnownUrl("corp") + "\n"
                + "provider.corp.display.name = Corp SSO\n"
                + "provider.corp.client.id = " + CORP_CLIENT + "\n"
                + "provider.corp.client.secret = corp-secret\n"
                + "provider.plain.type = oauth2\n"
                + "provider.plain.authorization.url = " + provider.authorizationEndpointUrl("plain") + "\n"
                + "provider.plain.token.url = " + provider.tokenEndpointUrl("plain") + "\n"
                + "provider.plain.userinfo.url = " + provider.userInfoUrl("plain") + "\n"
                + "provider.plain.client.id = " + PLAIN_CLIENT + "\n"
                + "provider.plain.client.secret = plain-secret\n"
                + "provider.plain.client.auth = post\n"
                + "provider.plain.scopes = openid profile\n"
                + "provider.plain.subject.field = sub\n";
        server = AudoticsServer.start("oauth", Map.of(
                "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                "org.audotics.auth", auth), true);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            if (provider != null) {
                provider.shutdown();
            }
        }
    }

    /** The person the provider will say signed in next, for that provider's issuer. */
    private static void nextPerson(String issuer, String subject, String client, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", List.of(client), claims, 3600));
    }

    /** GET /v1/auth/oauth/{name}/authorize: the 302 to the provider. */
    private static URI authorize(String name) throws Exception {
        HttpAnswer answer = server.get("/v1/auth/oauth/" + name + "/authorize");
        assertEquals(302, answer.status(), answer.toString());
        assertEquals("no-store", answer.header("Cache-Control"));
        return URI.create(answer.header("Location"));
    }

    /** The provider approves (non-interactive) and sends the browser back: our callback URL with code and state. */
    private static URI approve(URI atProvider) throws Exception {
        HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(atProvider).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, answer.statusCode(), "the provider's authorize endpoint");
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static HttpAnswer callback(URI back) throws Exception {
        assertEquals("127.0.0.1", back.getHost(), "back to us: " + back);
        return server.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(equals + 1),
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** The whole sign-in: the tokens Audotics answers. */
    private static JsonNode signIn(String name) throws Exception {
        HttpAnswer tokens = callback(approve(authorize(name)));
        assertEquals(200, tokens.status(), tokens.toString());
        assertEquals("no-store", tokens.header("Cache-Control"));
        return tokens.json();
    }

    private static JsonNode me(String accessToken) throws Exception {
        HttpAnswer me = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + accessToken).GET());
        assertEquals(200, me.status(), me.toString());
        return me.json();
    }

    @Test
    void listsTheConfiguredProviders() throws Exception {
        HttpAnswer list = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/oauth"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
        assertEquals(200, list.status(), list.toString());
        JsonNode providers = list.json().path("providers");
        assertEquals(2, providers.size(), list.toString());
        assertEquals("corp", providers.get(0).path("name").asText());
        assertEquals("Corp SSO", providers.get(0).path("display_name").asText());
        assertEquals("oidc", providers.get(0).path("type").asText());
        assertEquals("plain", providers.get(1).path("name").asText());
        assertEquals("oauth2", providers.get(1).path("type").asText());
    }

    @Test
    void signsInWithAnOpenIdConnectProviderAndAgainToTheSameAccount() throws Exception {
        URI atProvider = authorize("corp");
        assertTrue(atProvider.toString().startsWith(provider.authorizationEndpointUrl("corp").toString()), atProvider.toString());
        Map<String, String> request = query(atProvider);
        assertEquals("code", request.get("response_type"));
        assertEquals(CORP_CLIENT, request.get("client_id"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals(43, request.get("code_challenge").length());
        assertNotNull(request.get("nonce"));
        assertNotNull(request.get("state"));
        assertEquals("openid email profile", request.get("scope"));
        assertEquals(server.uri("/v1/auth/oauth/corp/callback").toString(), request.get("redirect_uri"));

        nextPerson("corp", "alice-at-corp", CORP_CLIENT, Map.of("email", "Alice@Example.org", "email_verified", true, "name", "Alice Corp"));
        URI back = approve(atProvider);
        HttpAnswer tokens = callback(back);
        assertEquals(200, tokens.status(), tokens.toString());
        assertEquals("Bearer", tokens.json().path("token_type").asText());
        assertFalse(tokens.json().path("refresh_token").asText().isEmpty());
        JsonNode alice = me(tokens.json().path("access_token").asText());
        assertEquals("alice@example.org", alice.path("email").asText());
        assertEquals("Alice Corp", alice.path("display_name").asText());

        HttpAnswer replay = callback(back);
        assertEquals(400, replay.status(), replay.toString());
        assertEquals("invalid_state", replay.errorCode());

        nextPerson("corp", "alice-at-corp", CORP_CLIENT, Map.of("email", "alice@example.org", "email_verified", true, "name", "Alice"));
        JsonNode again = me(signIn("corp").path("access_token").asText());
        assertEquals(alice.path("id").asText(), again.path("id").asText());

        // the refresh token is an ordinary Audotics one
        HttpAnswer refreshed = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + tokens.json().path("refresh_token").asText())));
        assertEquals(200, refreshed.status(), refreshed.toString());
    }

    @Test
    void signsInWithAPlainOAuth2ProviderThroughItsProfileUrl() throws Exception {
        nextPerson("plain", "bob-at-plain", PLAIN_CLIENT, Map.of("email", "bob@example.org", "name", "Bob Plain"));
        JsonNode bob = me(signIn("plain").path("access_token").asText());
        assertEquals("bob@example.org", bob.path("email").asText());
        assertEquals("Bob Plain", bob.path("display_name").asText());

        nextPerson("plain", "bob-at-plain", PLAIN_CLIENT, Map.of("name", "Bob"));
        assertEquals(bob.path("id").asText(), me(signIn("plain").path("access_token").asText()).path("id").asText());
    }

    @Test
    void anUnverifiedEmailOfAnotherAccountIsRefused() throws Exception {
        nextPerson("corp", "carol-at-corp", CORP_CLIENT, Map.of("email", "carol@example.org", "email_verified", true));
        signIn("corp");
        // the plain provider does not vouch for emails (no trust.email): it may not take over carol's account
        nextPerson("plain", "mallory-at-plain", PLAIN_CLIENT, Map.of("email", "carol@example.org", "name", "Mallory"));
        HttpAnswer refused = callback(approve(authorize("plain")));
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("email_taken", refused.errorCode());
    }

    @Test
    void theProvidersTokensAreStoredEncrypted() throws Exception {
        nextPerson("corp", "dave-at-corp", CORP_CLIENT, Map.of("email", "dave@example.org", "email_verified", true));
        signIn("corp");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT access_token, refresh_token, access_expires_at FROM auth_provider_identity"
                        + " WHERE provider = 'corp' AND subject = 'dave-at-corp'")) {
            assertTrue(rows.next(), "the identity is stored");
            String access = rows.getString(1);
            String refresh = rows.getString(2);
            // the mock's access tokens are JWTs (eyJ..., with dots) and its refresh tokens UUIDs (with dashes)
            assertTrue(access.matches("[A-Za-z0-9_-]{60,}") && !access.startsWith("eyJ"), access);
            assertTrue(refresh.matches("[A-Za-z0-9_-]+") && !refresh.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"), refresh);
            assertTrue(rows.getLong(3) > System.currentTimeMillis(), "the expiry is kept");
        }

        // the plain provider's access token, as Audotics sent it to the provider's userinfo URL
        nextPerson("plain", "erin-at-plain", PLAIN_CLIENT, Map.of("name", "Erin"));
        signIn("plain");
        String sent = null;
        while (true) {
            okhttp3.mockwebserver.RecordedRequest request;
            try {
                request = provider.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException drained) {
                break;
            }
            if (request.getPath().startsWith("/plain/userinfo")) {
                sent = request.getHeader("Authorization").substring("Bearer ".length());
            }
        }
        assertNotNull(sent, "Audotics read the profile with the provider's token");
        try (Connection connection = database.connect(); var select = connection.prepareStatement(
                "SELECT COUNT(*) FROM auth_provider_identity WHERE access_token LIKE ? OR refresh_token LIKE ?")) {
            String payload = "%" + sent.split("\\.")[1] + "%";
            select.setString(1, payload);
            select.setString(2, payload);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                assertEquals(0, count.getLong(1), "no row holds the provider's token in plain text");
            }
        }
        try (Connection connection = database.connect(); var select = connection.prepareStatement(
                "SELECT access_token FROM auth_provider_identity WHERE provider = 'plain' AND subject = 'erin-at-plain'")) {
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertFalse(row.getString(1).contains(sent));
            }
        }
    }

    @Test
    void refusalsAreOurErrorBody() throws Exception {
        HttpAnswer unknown = server.get("/v1/auth/oauth/nope/authorize");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("not_found", unknown.errorCode());

        Map<String, String> request = query(authorize("corp"));
        HttpAnswer denied = server.get("/v1/auth/oauth/corp/callback?error=access_denied&error_description=no%20thanks&state=" + request.get("state"));
        assertEquals(400, denied.status(), denied.toString());
        assertEquals("access_denied", denied.errorCode());

        HttpAnswer forged = server.get("/v1/auth/oauth/corp/callback?code=abc&state=never-issued");
        assertEquals(400, forged.status(), forged.toString());
        assertEquals("invalid_state", forged.errorCode());

        HttpAnswer noCode = server.get("/v1/auth/oauth/corp/callback?state=" + request.get("state"));
        assertEquals(400, noCode.status(), noCode.toString());
        assertEquals("invalid_parameter", noCode.errorCode());

        // a code the provider never issued, with a good state: the provider refuses it
        Map<String, String> fresh = query(authorize("plain"));
        HttpAnswer badCode = server.get("/v1/auth/oauth/plain/callback?code=not-a-code&state=" + fresh.get("state"));
        assertEquals(400, badCode.status(), badCode.toString());
        assertEquals("provider_refused", badCode.errorCode());
        assertNotEquals(null, badCode.errorMessage());
    }
}
