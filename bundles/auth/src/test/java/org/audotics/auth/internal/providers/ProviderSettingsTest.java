package org.audotics.auth.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static ProviderSettings.Parsed parse(String... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        properties.put("service.pid", "org.audotics.auth"); // what DS adds
        properties.put("token.issuer", "audotics");
        return ProviderSettings.parse(properties);
    }

    private static void assertProblem(ProviderSettings.Parsed parsed, String fragment) {
        assertTrue(parsed.problems().stream().anyMatch(problem -> problem.contains(fragment)), parsed.problems() + " should mention " + fragment);
    }

    @Test
    void noneAreConfiguredByDefault() {
        ProviderSettings.Parsed parsed = parse();
        assertTrue(parsed.providers().isEmpty());
        assertTrue(parsed.problems().isEmpty());
        assertTrue(parse("providers", " , ").providers().isEmpty());
    }

    @Test
    void spotifyIsAPresetNeedingOnlyItsClient() {
        Provider spotify = parse("providers", "spotify", "provider.spotify.client.id", "abc", "provider.spotify.client.secret", "s3cret")
                .providers().get("spotify");
        assertEquals(Provider.Type.SPOTIFY, spotify.type());
        assertEquals("Spotify", spotify.displayName());
        assertEquals(URI.create("https://accounts.spotify.com/authorize"), spotify.authorizationUrl());
        assertEquals(URI.create("https://accounts.spotify.com/api/token"), spotify.tokenUrl());
        assertEquals(URI.create("https://api.spotify.com/v1/me"), spotify.userinfoUrl());
        assertEquals(List.of("user-read-email", "user-read-private"), spotify.scopes());
        assertEquals(List.of("id", "email", "display_name"), List.of(spotify.subjectField(), spotify.emailField(), spotify.nameField()));
        assertEquals(Provider.ClientAuth.BASIC, spotify.clientAuth());
        assertFalse(spotify.trustEmail());
        assertEquals("s3cret", spotify.clientSecret());
    }

    @Test
    void anOpenIdConnectProviderComesFromItsDiscoveryUrlAndAlwaysAsksForOpenid() {
        ProviderSettings.Parsed parsed = parse("providers", "google, corp", "provider.google.discovery.url",
                "https://accounts.google.com/.well-known/openid-configuration", "provider.google.client.id", "g", "provider.corp.type", "oidc",
                "provider.corp.discovery.url", "http://localhost:8080/realms/x/.well-known/openid-configuration", "provider.corp.client.id", "c",
                "provider.corp.scopes", "email,profile", "provider.corp.display.name", "Corp SSO");
        assertEquals(List.of(), parsed.problems());
        Provider google = parsed.providers().get("google");
        assertEquals(Provider.Type.OIDC, google.type());
        assertEquals("Google", google.displayName());
        assertEquals(List.of("openid", "email", "profile"), google.scopes());
        assertEquals(null, google.clientAuth(), "from the discovery document");
        Provider corp = parsed.providers().get("corp");
        assertEquals(List.of("openid", "email", "profile"), corp.scopes());
        assertEquals("Corp SSO", corp.displayName());
        assertEquals(List.of("google", "corp"), List.copyOf(parsed.providers().keySet()), "in the configured order");
    }

    @Test
    void aPlainOAuth2ProviderNeedsItsThreeUrls() {
        ProviderSettings.Parsed parsed = parse("providers", "example", "provider.example.type", "oauth2", "provider.example.client.id", "e",
                "provider.example.authorization.url", "https://sso.example.com/authorize", "provider.example.token.url",
                "https://sso.example.com/token", "provider.example.userinfo.url", "https://sso.example.com/me", "provider.example.subject.field",
                "data.id", "provider.example.client.auth", "post", "provider.example.trust.email", "TRUE");
        Provider example = parsed.providers().get("example");
        assertEquals(Provider.Type.OAUTH2, example.type());
        assertEquals("data.id", example.subjectField());
        assertEquals("email", example.emailField());
        assertEquals("name", example.nameField());
        assertEquals(Provider.ClientAuth.POST, example.clientAuth());
        assertTrue(example.trustEmail());
        assertEquals(List.of(), example.scopes());

        ProviderSettings.Parsed missing = parse("providers", "example", "provider.example.client.id", "e", "provider.example.authorization.url",
                "https://sso.example.com/authorize");
        assertTrue(missing.providers().isEmpty());
        assertProblem(missing, "provider.example.token.url is required");
    }

    @Test
    void aMisconfiguredProviderIsLeftOutAndTheOthersWork() {
        ProviderSettings.Parsed parsed = parse("providers", "spotify, bad, worse, insecure, typo, BAD NAME, spotify",
                "provider.spotify.client.id", "abc",
                "provider.bad.type", "saml", "provider.bad.client.id", "b",
                "provider.worse.discovery.url", "https://idp.example.com/.well-known/openid-configuration",
                "provider.insecure.discovery.url", "http://idp.example.com/.well-known/openid-configuration", "provider.insecure.client.id", "i",
                "provider.typo.discovery.url", "https://idp.example.com/", "provider.typo.client.id", "t", "provider.typo.clientsecret", "x",
                "provider.unlisted.client.id", "u");
        assertEquals(List.of("spotify"), List.copyOf(parsed.providers().keySet()));
        assertProblem(parsed, "provider.bad.type must be oidc, oauth2 or spotify, was 'saml'");
        assertProblem(parsed, "provider.worse.client.id is required");
        assertProblem(parsed, "provider.insecure.discovery.url must use https");
        assertProblem(parsed, "unknown key provider.typo.clientsecret");
        assertProblem(parsed, "'BAD NAME' is no provider name");
        assertProblem(parsed, "'spotify' is listed twice");
        assertProblem(parsed, "provider.unlisted.* keys are set but 'unlisted' is not in providers");
    }

    @Test
    void keysThatMeanNothingForTheTypeAreRefused() {
        assertProblem(parse("providers", "o", "provider.o.discovery.url", "https://idp.example.com/.well-known/openid-configuration",
                "provider.o.client.id", "c", "provider.o.trust.email", "true"), "provider.o.trust.email is not for an OpenID Connect provider");
        assertProblem(parse("providers", "spotify", "provider.spotify.client.id", "c", "provider.spotify.discovery.url", "https://x.example/"),
                "discovery.url is not for Spotify");
        assertProblem(parse("providers", "e", "provider.e.client.id", "c", "provider.e.authorization.url", "not a url",
                "provider.e.token.url", "https://e.example/t", "provider.e.userinfo.url", "https://e.example/u"),
                "provider.e.authorization.url must be an absolute https URL");
        assertProblem(parse("providers", "spotify", "provider.spotify.client.id", "c", "provider.spotify.trust.email", "yes"),
                "provider.spotify.trust.email must be true or false");
        assertProblem(parse("providers", "spotify", "provider.spotify.client.id", "c", "provider.spotify.client.auth", "jwt"),
                "provider.spotify.client.auth must be basic or post");
    }
}
