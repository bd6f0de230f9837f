package org.audotics.auth.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.audotics.auth.api.Account;
import org.audotics.auth.internal.ProviderTokenCipher;
import org.audotics.auth.internal.accounts.DefaultAccountService;
import org.audotics.auth.internal.accounts.TestAccounts;
import org.audotics.http.api.ApiException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-in from the authorization redirect to the account, on the real state and identity tables, with
 * the provider's HTTP side replaced: its token endpoint checks the PKCE verifier against the challenge that
 * went out and answers an id_token signed in the test (see {@link IdTokenVerifierTest}).
 */
class ProviderSignInTest {

    static final URI BASE = URI.create("http://127.0.0.1:8181/v1/");

    /** The provider's HTTP side: checks what a real one checks, answers what the test wants. */
    static final class FakeProvider extends ProviderClient {
        String challenge;
        String nonce;
        String redirectUri;
        JwtClaims idClaims;
        Map<String, Object> profile = Map.of();
        int discoveries;

        FakeProvider() {
            super(Clock.systemUTC());
        }

        @Override
        ProviderEndpoints discover(Provider provider) {
            discoveries++;
            return new ProviderEndpoints(URI.create("https://idp.example.com/authorize?tenant=7"), URI.create("https://idp.example.com/token"), null,
                    IdTokenVerifierTest.ISSUER, URI.create("https://idp.example.com/jwks"), Provider.ClientAuth.BASIC);
        }

        @Override
        ProviderTokens exchange(Provider provider, ProviderEndpoints endpoints, String code, String verifier, String redirect) {
            if (!SignInStates.challenge(verifier).equals(challenge) || !redirect.equals(redirectUri) || !code.equals("good-code")) {
                throw SignInErrors.refused(provider.displayName(), "the authorization code (invalid_grant)");
            }
            try {
                String idToken = idClaims == null ? null : IdTokenVerifierTest.sign(idClaims, IdTokenVerifierTest.providerKey);
                return new ProviderTokens("their-access", "their-refresh", null, idToken);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Map<String, Object> profile(Provider provider, URI url, String accessToken) {
            assertEquals("their-access", accessToken);
            return profile;
        }
    }

    @TempDir
    Path data;
    private PooledDatabase database;
    private DefaultAccountService accounts;
    private final FakeProvider fake = new FakeProvider();
    private ProviderSignIn signIn;

    @BeforeAll
    static void keys() throws Exception {
        IdTokenVerifierTest.keys();
    }

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        accounts = TestAccounts.on(database);
        signIn = signIn(null);
    }

    private ProviderSignIn signIn(URI publicBase) {
        ProviderSettings.Parsed settings = ProviderSettings.parse(Map.of("providers", "idp, spotify",
                "provider.idp.discovery.url", IdTokenVerifierTest.ISSUER + "/.well-known/openid-configuration",
                "provider.idp.client.id", IdTokenVerifierTest.CLIENT, "provider.spotify.client.id", "spotify-client"));
        Clock clock = Clock.fixed(IdTokenVerifierTest.NOW, ZoneOffset.UTC);
        return new ProviderSignIn(settings, publicBase, new SignInStates(database, clock),
                new AccountLinker(new ProviderIdentities(database, ProviderTokenCipher.forSecret("a-key-encryption-secret-of-enough-length"), clock),
                        accounts, accounts),
                fake, new IdTokenVerifier(clock), jwks -> IdTokenVerifierTest.jwks(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Sends the person away and remembers what a provider would: the challenge, nonce and redirect_uri. */
    private String authorize(String provider) {
        Map<String, String> request = query(signIn.authorizationUri(provider, BASE));
        fake.challenge = request.get("code_challenge");
        fake.nonce = request.get("nonce");
        fake.redirectUri = request.get("redirect_uri");
        return request.get("state");
    }

    @Test
    void theAuthorizationRequestCarriesStatePkceAndNonce() {
        URI uri = signIn.authorizationUri("idp", BASE);
        assertTrue(uri.toString().startsWith("https://idp.example.com/authorize?tenant=7&response_type=code&"), uri.toString());
        Map<String, String> request = query(uri);
        assertEquals(IdTokenVerifierTest.CLIENT, request.get("client_id"));
        assertEquals("http://127.0.0.1:8181/v1/auth/oauth/idp/callback", request.get("redirect_uri"));
        assertEquals("openid email profile", request.get("scope"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(request.get("code_challenge").matches("[A-Za-z0-9_-]{43}"));
        assertTrue(request.get("state").matches("[A-Za-z0-9_-]{43}"));
        assertTrue(request.get("nonce").matches("[A-Za-z0-9_-]{22}"));

        Map<String, String> spotify = query(signIn.authorizationUri("spotify", BASE));
        assertEquals("user-read-email user-read-private", spotify.get("scope"));
        assertNull(spotify.get("nonce"), "no nonce for plain OAuth 2");
        assertEquals(1, fake.discoveries, "the discovery document is kept");
    }

    @Test
    void thePublicBaseUrlMakesTheRedirectUri() {
        ProviderSignIn behindProxy = signIn(ProviderSignIn.publicBase("https://music.example.com/"));
        assertEquals("https://music.example.com/v1/auth/oauth/spotify/callback",
                query(behindProxy.authorizationUri("spotify", BASE)).get("redirect_uri"));
        assertNull(ProviderSignIn.publicBase(""));
        assertNull(ProviderSignIn.publicBase("music.example.com"), "not absolute: logged and ignored");
        assertNull(ProviderSignIn.publicBase("https://music.example.com/?x=1"));
    }

    @Test
    void anOpenIdConnectSignInMakesAnAccountAndFindsItAgain() {
        String state = authorize("idp");
        fake.idClaims = IdTokenVerifierTest.claims();
        fake.idClaims.setStringClaim("nonce", fake.nonce);
        Account jane = signIn.complete("idp", "good-code", state, null, null);
        assertEquals("jane@example.org", jane.email());
        assertEquals("Jane Doe", jane.displayName());

        String again = authorize("idp");
        fake.idClaims = IdTokenVerifierTest.claims();
        fake.idClaims.setStringClaim("nonce", fake.nonce);
        assertEquals(jane.id(), signIn.complete("idp", "good-code", again, null, null).id());
    }

    @Test
    void anIdTokenWithAnotherSignInsNonceIsRefused() {
        authorize("idp");
        String firstNonce = fake.nonce;
        String second = authorize("idp");
        fake.idClaims = IdTokenVerifierTest.claims();
        fake.idClaims.setStringClaim("nonce", firstNonce); // a token replayed into another sign-in
        ApiException refused = assertThrows(ApiException.class, () -> signIn.complete("idp", "good-code", second, null, null));
        assertEquals(401, refused.status());
        assertEquals("invalid_id_token", refused.code());
    }

    @Test
    void aPlainSignInReadsTheProfile() {
        String state = authorize("spotify");
        fake.profile = Map.of("id", "spotify-user-1", "display_name", "DJ Jane", "email", "jane@example.org");
        Account jane = signIn.complete("spotify", "good-code", state, null, null);
        assertEquals("DJ Jane", jane.displayName());
        assertEquals("jane@example.org", jane.email());
    }

    @Test
    void aStateIsUsedOnceAndForItsProviderOnly() {
        String state = authorize("spotify");
        fake.profile = Map.of("id", "spotify-user-1");
        signIn.complete("spotify", "good-code", state, null, null);
        ApiException replay = assertThrows(ApiException.class, () -> signIn.complete("spotify", "good-code", state, null, null));
        assertEquals(400, replay.status());
        assertEquals("invalid_state", replay.code());

        String other = authorize("spotify");
        assertEquals("invalid_state", assertThrows(ApiException.class, () -> signIn.complete("idp", "good-code", other, null, null)).code());
    }

    @Test
    void aDeclinedSignInUsesUpItsState() {
        String state = authorize("spotify");
        ApiException declined = assertThrows(ApiException.class, () -> signIn.complete("spotify", null, state, "access_denied", "The user said no"));
        assertEquals(400, declined.status());
        assertEquals("access_denied", declined.code());
        assertTrue(declined.getMessage().contains("The user said no"), declined.getMessage());
        assertEquals("invalid_state", assertThrows(ApiException.class, () -> signIn.complete("spotify", "good-code", state, null, null)).code());
        assertEquals("provider_error", assertThrows(ApiException.class,
                () -> signIn.complete("spotify", null, authorize("spotify"), "server_error\u0000<script>", null)).code());
        assertEquals("access_denied", assertThrows(ApiException.class, () -> signIn.complete("spotify", null, null, "access_denied", null)).code(),
                "the provider's error even without a state");
    }

    @Test
    void badCallbacksAreRefusedClearly() {
        assertEquals(404, assertThrows(ApiException.class, () -> signIn.authorizationUri("nope", BASE)).status());
        assertEquals(404, assertThrows(ApiException.class, () -> signIn.complete("nope", "c", "s", null, null)).status());
        assertEquals("invalid_parameter", assertThrows(ApiException.class, () -> signIn.complete("spotify", "c", null, null, null)).code());
        assertEquals("invalid_parameter", assertThrows(ApiException.class, () -> signIn.complete("spotify", null, "s", null, null)).code());
        String state = authorize("spotify");
        ApiException wrongCode = assertThrows(ApiException.class, () -> signIn.complete("spotify", "stolen-code", state, null, null));
        assertEquals("provider_refused", wrongCode.code());
    }
}
