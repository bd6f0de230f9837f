package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;

/**
 * Rate limits on two nodes sharing Redis: a token's reads are counted once across both nodes, the 429 answer is
 * Spotify's (a real Spotify client reads its {@code Retry-After}), tokens are counted apart, and sign-in requests
 * are limited per address. Hour-long windows, so the counts cannot slide away during the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    private static final int READS_PER_TOKEN = 12;
    private static final int SIGN_IN_PER_ADDRESS = 8;

    private static TwoNodes nodes;
    private static Listener alice;
    private static Listener bob;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("rate-limit", Map.of("org.audotics.ratelimit", String.join("\n",
                "enabled = true", "window.seconds = 3600",
                "reads.per.token = " + READS_PER_TOKEN, "reads.per.address = 0",
                "writes.per.token = 0", "writes.per.address = 0",
                "uploads.per.token = 0", "uploads.per.address = 0",
                "signin.per.token = 0", "signin.per.address = " + SIGN_IN_PER_ADDRESS, "")));
        alice = Listener.signUp(nodes.one, "alice"); // two sign-in requests each (register, token)
        bob = Listener.signUp(nodes.two, "bob");
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void aTokensReadsAreCountedOnceAcrossBothNodes() throws Exception {
        int allowed = 0;
        HttpAnswer refused = null;
        for (int i = 0; i < READS_PER_TOKEN + 6; i++) {
            HttpAnswer answer = alice.get(i % 2 == 0 ? nodes.one : nodes.two, "/v1/me");
            if (answer.status() == 200) {
                allowed++;
            } else {
                assertEquals(429, answer.status(), answer.toString());
                refused = answer;
            }
        }
        assertEquals(READS_PER_TOKEN, allowed, "the limit holds for the sum over both nodes");
        assertTrue(refused != null);
        long retryAfter = Long.parseLong(refused.response().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 7200, "Retry-After " + retryAfter);
        assertTrue(refused.response().headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(429, refused.json().at("/error/status").asInt());
        assertEquals("API rate limit exceeded", refused.json().at("/error/message").asText());
        assertEquals(refused.response().headers().firstValue("X-Request-Id").orElseThrow(), refused.json().at("/error/request_id").asText());
    }

    @Test
    @Order(2)
    void anotherTokenHasItsOwnCount() throws Exception {
        assertEquals(200, bob.get(nodes.one, "/v1/me").status());
        assertEquals(429, alice.get(nodes.two, "/v1/me").status());
    }

    @Test
    @Order(3)
    void aSpotifyClientReadsTheWaitFromOurAnswer() {
        SpotifyApi spotify = new SpotifyApi.Builder().setScheme("http").setHost("127.0.0.1").setPort(nodes.one.port)
                .setAccessToken(alice.token()).build();
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> spotify.getCurrentUsersProfile().build().execute());
        assertTrue(refused.getRetryAfter() >= 1, "retry after " + refused.getRetryAfter());
    }

    @Test
    @Order(4)
    void signInRequestsAreLimitedPerAddress() throws Exception {
        // four sign-in requests were made by signUp; four more are allowed, whatever their outcome
        int allowed = 0;
        HttpAnswer last = null;
        for (int i = 0; i < 6; i++) {
            String form = "grant_type=password&username=" + URLEncoder.encode("nobody-" + UUID.randomUUID() + "@example.org", StandardCharsets.UTF_8)
                    + "&password=wrong-password-" + i;
            last = (i % 2 == 0 ? nodes.one : nodes.two).send(HttpRequest.newBuilder((i % 2 == 0 ? nodes.one : nodes.two).uri("/v1/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            if (last.status() != 429) {
                assertFalse(last.status() >= 500, last.toString());
                allowed++;
            }
        }
        assertEquals(SIGN_IN_PER_ADDRESS - 4, allowed);
        assertEquals(429, last.status());
        assertTrue(last.response().headers().firstValue("Retry-After").isPresent());
    }
}
