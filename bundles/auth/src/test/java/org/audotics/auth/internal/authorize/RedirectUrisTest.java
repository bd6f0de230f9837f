package org.audotics.auth.internal.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.auth.internal.apps.App;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

    private static App app(String... uris) {
        return new App("AAAAAAAAAAAAAAAAAAAAAA", "Player", List.of(uris), "owner", Instant.EPOCH);
    }

    @Test
    void aRegisteredUriMatchesExactlyAndNothingElseDoes() {
        App app = app("https://player.example.com/cb", "http://127.0.0.1:8000/cb?x=1");
        assertEquals(Optional.of("https://player.example.com/cb"), RedirectUris.resolve(app, "https://player.example.com/cb"));
        assertEquals(Optional.of("http://127.0.0.1:8000/cb?x=1"), RedirectUris.resolve(app, "http://127.0.0.1:8000/cb?x=1"));
        for (String other : new String[] {"https://player.example.com/cb/", "https://player.example.com/cb/more", "https://PLAYER.example.com/cb",
            "https://player.example.com/cb?x=1", "https://player.example.com/c%62", "https://player.example.com:443/cb",
            "http://player.example.com/cb", "https://player.example.com.evil.example/cb", "https://player.example.com/cb#f", ""}) {
            assertTrue(RedirectUris.resolve(app, other).isEmpty(), other);
        }
    }

    @Test
    void anOmittedUriIsTheOnlyOneRegisteredOrRefused() {
        assertEquals(Optional.of("https://player.example.com/cb"), RedirectUris.resolve(app("https://player.example.com/cb"), null));
        assertTrue(RedirectUris.resolve(app("https://player.example.com/cb", "http://localhost:8000/cb"), null).isEmpty());
    }

    @Test
    void parametersAreAddedToTheQueryEncoded() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", "abc");
        parameters.put("state", "a b&c=d/é");
        parameters.put("missing", null);
        assertEquals("https://a.example.com/cb?code=abc&state=a%20b%26c%3Dd%2F%C3%A9", RedirectUris.withParameters("https://a.example.com/cb", parameters));
        assertEquals("https://a.example.com/cb?x=1&code=abc&state=a%20b%26c%3Dd%2F%C3%A9",
                RedirectUris.withParameters("https://a.example.com/cb?x=1", parameters));
    }

    @Test
    void theOriginIsSchemeHostAndPort() {
        assertEquals(Optional.of("https://a.example.com"), RedirectUris.origin("https://a.example.com/cb?x=1"));
        assertEquals(Optional.of("http://127.0.0.1:8000"), RedirectUris.origin("http://127.0.0.1:8000/cb"));
        assertTrue(RedirectUris.origin("not a uri").isEmpty());
    }
}
