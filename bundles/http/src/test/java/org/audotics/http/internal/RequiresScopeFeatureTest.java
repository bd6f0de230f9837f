package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.audotics.http.api.RequiresScope;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;

/** {@code @RequiresScope} through Jersey itself, with tokens of every kind. */
class RequiresScopeFeatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Path("scoped")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope("user-read-private")
    public static class ScopedResource {

        @GET
        public String read() {
            return "\"read\"";
        }

        @GET
        @Path("both")
        @RequiresScope({"user-read-private", "user-read-email"})
        public String both() {
            return "\"both\"";
        }

        @GET
        @Path("people")
        @RolesAllowed("user")
        @RequiresScope("user-modify-private")
        public String people() {
            return "\"people\"";
        }
    }

    @Path("open")
    @Produces(MediaType.APPLICATION_JSON)
    public static class OpenResource {
        @GET
        public String open() {
            return "\"open\"";
        }
    }

    private final Authenticator tokens = token -> switch (token) {
        case "all" -> Optional.of(new AuthenticatedUser("u1", Set.of("user"),
                Set.of("user-read-private", "user-read-email", "user-modify-private"), null));
        case "private-only" -> Optional.of(new AuthenticatedUser("u1", Set.of("user"), Set.of("user-read-private"), null));
        case "none" -> Optional.of(new AuthenticatedUser("u1", Set.of("user"), Set.of(), "app-7"));
        case "admin" -> Optional.of(new AuthenticatedUser("root", Set.of("admin")));
        default -> Optional.empty();
    };

    private final ApplicationHandler app = new ApplicationHandler(
            RestApplication.configuration(List.of(new ScopedResource(), new OpenResource()), () -> List.of(tokens)));

    private record Answer(int status, String challenge, JsonNode body) {
    }

    private Answer get(String path, String token) throws Exception {
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/" + path),
                "GET", null, new org.glassfish.jersey.internal.MapPropertiesDelegate(), null);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var out = new ByteArrayOutputStream();
        ContainerResponse response = app.apply(request, out).get();
        return new Answer(response.getStatus(), response.getHeaderString("WWW-Authenticate"), JSON.readTree(out.toString(StandardCharsets.UTF_8)));
    }

    private static void assertInsufficientScope(Answer answer, String neededScopes, String missing) {
        assertEquals(403, answer.status(), answer.body().toString());
        JsonNode error = answer.body().get("error");
        assertEquals(403, error.get("status").asInt());
        assertEquals("insufficient_scope", error.get("code").asText());
        assertEquals("the token does not grant the scope this operation needs: " + missing, error.get("message").asText());
        assertEquals("Bearer realm=\"audotics\", error=\"insufficient_scope\", scope=\"" + neededScopes + "\"", answer.challenge());
    }

    @Test
    void aTokenWithTheScopeReachesTheMethod() throws Exception {
        assertEquals("read", get("scoped", "all").body().asText());
        assertEquals("read", get("scoped", "private-only").body().asText());
        assertEquals("both", get("scoped/both", "all").body().asText());
    }

    @Test
    void aTokenWithoutTheScopeIs403InsufficientScopeWithTheChallenge() throws Exception {
        assertInsufficientScope(get("scoped", "none"), "user-read-private", "user-read-private");
        assertInsufficientScope(get("scoped/people", "private-only"), "user-modify-private", "user-modify-private");
    }

    @Test
    void theMethodsAnnotationReplacesTheClassesAndEveryScopeIsNeeded() throws Exception {
        assertInsufficientScope(get("scoped/both", "private-only"), "user-read-private user-read-email", "user-read-email");
        assertInsufficientScope(get("scoped/both", "none"), "user-read-private user-read-email", "user-read-private user-read-email");
    }

    @Test
    void withoutATokenItIs401NotAScopeError() throws Exception {
        Answer answer = get("scoped", null);
        assertEquals(401, answer.status());
        assertEquals("unauthorized", answer.body().get("error").get("code").asText());
        assertEquals("Bearer realm=\"audotics\"", answer.challenge());
    }

    @Test
    void theAdminIsNotScopeLimited() throws Exception {
        assertEquals("read", get("scoped", "admin").body().asText());
        assertEquals("both", get("scoped/both", "admin").body().asText());
    }

    @Test
    void theRoleIsCheckedBeforeTheScope() throws Exception {
        Answer answer = get("scoped/people", "admin");
        assertEquals(403, answer.status());
        assertEquals("forbidden", answer.body().get("error").get("code").asText());
    }

    @Test
    void resourcesWithoutTheAnnotationNeedATokenButNoScope() throws Exception {
        Answer answer = get("open", "none");
        assertEquals(200, answer.status());
        assertEquals("open", answer.body().asText());
        assertNull(answer.challenge());
        assertEquals(401, get("open", null).status());
    }
}
