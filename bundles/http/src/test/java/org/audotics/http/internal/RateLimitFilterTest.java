package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.audotics.ratelimit.api.Decision;
import org.audotics.ratelimit.api.RateLimiter;
import org.audotics.ratelimit.api.Requester;
import org.audotics.ratelimit.api.RouteGroup;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;

class RateLimitFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Path("limited")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public static final class LimitedResource {
        @GET
        public Map<String, String> read() {
            return Map.of("ok", "read");
        }

        @POST
        public Map<String, String> write() {
            return Map.of("ok", "write");
        }
    }

    @Path("auth/token")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public static final class SignInResource {
        @POST
        public Map<String, String> token() {
            return Map.of("access_token", "t");
        }
    }

    /** Allows {@code allowed} requests per (group, token owner, address), then refuses with a 7 s wait; records each call. */
    static final class CountingLimiter implements RateLimiter {
        final int allowed;
        final List<String> calls = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();

        CountingLimiter(int allowed) {
            this.allowed = allowed;
        }

        @Override
        public synchronized Decision acquire(RouteGroup group, Requester requester) {
            String key = group + " " + requester.token() + " " + requester.address();
            calls.add(key);
            int count = counts.merge(key, 1, Integer::sum);
            return count <= allowed ? Decision.allowed(allowed) : Decision.refused("token", allowed, 7);
        }
    }

    private final Authenticator tokens = token -> switch (token) {
        case "user-token" -> Optional.of(new AuthenticatedUser("u1", Set.of("user")));
        case "app-token" -> Optional.of(new AuthenticatedUser("u1", Set.of("user"), Set.of(), "app-7"));
        default -> Optional.empty();
    };

    private record Answer(int status, Map<String, List<Object>> headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Answer call(ApplicationHandler app, String method, String path, String token) throws Exception {
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/" + path),
                method, null, new MapPropertiesDelegate(), null);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var out = new ByteArrayOutputStream();
        ContainerResponse response = app.apply(request, out).get();
        return new Answer(response.getStatus(), new HashMap<>(response.getHeaders()), out.toString(StandardCharsets.UTF_8));
    }

    private ApplicationHandler app(RateLimiter limiter) {
        return new ApplicationHandler(RestApplication.configuration(List.of(new LimitedResource(), new SignInResource()), () -> List.of(tokens),
                () -> null, () -> limiter));
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfterAndSpotifysBody() throws Exception {
        ApplicationHandler app = app(new CountingLimiter(2));
        assertEquals(200, call(app, "GET", "limited", "user-token").status());
        assertEquals(200, call(app, "GET", "limited", "user-token").status());
        Answer refused = call(app, "GET", "limited", "user-token");
        assertEquals(429, refused.status(), refused.body());
        assertEquals(List.of(7L), refused.headers().get("Retry-After").stream().map(v -> Long.parseLong(v.toString())).toList());
        assertTrue(refused.headers().get("Content-Type").get(0).toString().startsWith("application/json"));
        JsonNode error = refused.json().get("error");
        assertEquals(429, error.get("status").asInt());
        assertEquals("API rate limit exceeded", error.get("message").asText());
        assertEquals("rate_limited", error.get("code").asText());
    }

    @Test
    void theLimiterIsToldTheGroupTheTokensOwnerAndTheAddress() throws Exception {
        CountingLimiter limiter = new CountingLimiter(100);
        ApplicationHandler app = app(limiter);
        call(app, "GET", "limited", "user-token");
        call(app, "POST", "limited", "app-token");
        call(app, "GET", "limited", null);
        call(app, "POST", "auth/token", null);
        call(app, "GET", "no/such/route", null);
        assertEquals(List.of(
                "READS user:u1 unknown",
                "WRITES app:app-7:user:u1 unknown",
                "READS null unknown",
                "SIGN_IN null unknown"), limiter.calls); // a route that does not exist is not counted (404 before filters)
    }

    @Test
    void aRefusedTokenIsAnswered401BeforeItIsCounted() throws Exception {
        CountingLimiter limiter = new CountingLimiter(100);
        assertEquals(401, call(app(limiter), "GET", "limited", "forged").status());
        assertEquals(List.of(), limiter.calls);
    }

    @Test
    void withoutARateLimitBundleNothingIsLimited() throws Exception {
        ApplicationHandler app = new ApplicationHandler(RestApplication.configuration(List.of(new LimitedResource()), () -> List.of(tokens)));
        for (int i = 0; i < 20; i++) {
            Answer answer = call(app, "GET", "limited", "user-token");
            assertEquals(200, answer.status());
            assertNull(answer.headers().get("Retry-After"));
        }
    }
}
