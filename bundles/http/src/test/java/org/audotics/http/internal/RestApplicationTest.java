package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.audotics.http.api.ApiException;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.http.api.ErrorResponses;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;

/** The error contract of the /v1 application, exercised in memory through Jersey itself. */
class RestApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Resources that fail in each way the application must answer. */
    @Path("probe")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public static class ProbeResource {

        public record Greeting(String firstName, int count) {
        }

        @GET
        public Greeting ok() {
            return new Greeting("Ada", 2);
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Greeting echo(Greeting greeting) {
            return greeting;
        }

        @GET
        @Path("bug")
        public String bug() {
            throw new IllegalStateException("secret internal detail");
        }

        @GET
        @Path("refused")
        public String refused() {
            throw ApiException.invalidParameter("x must be positive");
        }

        @GET
        @Path("engine-down")
        public String engineDown() {
            throw new EngineMissing();
        }

        @GET
        @Path("search")
        public Greeting search(@QueryParam("q") String q) {
            return new Greeting(q, 1);
        }

        @GET
        @Path("items/{id}")
        public Greeting item(@javax.ws.rs.PathParam("id") String id) {
            return new Greeting(id, 1);
        }

        @PUT
        @Path("upload")
        @Consumes(MediaType.WILDCARD)
        public String upload(InputStream body) throws IOException {
            return "\"" + body.readAllBytes().length + "\"";
        }

        /** Asks Jersey whether there is a body, as a filter may: Jersey reads ahead to know. */
        @POST
        @Path("has-body")
        @Consumes(MediaType.WILDCARD)
        public String hasBody(@Context ContainerRequestContext request) {
            return String.valueOf(request.hasEntity());
        }

        @GET
        @Path("whoami")
        public String whoAmI(@Context javax.ws.rs.core.SecurityContext security) {
            var user = (AuthenticatedUser) security.getUserPrincipal();
            return "\"" + user.getName() + " " + user.scopes() + " " + user.app().orElse("-") + "\"";
        }

        @GET
        @Path("admin")
        @RolesAllowed("admin")
        public String admin() {
            return "\"yes\"";
        }
    }

    /** A resource that says nothing about who may call it, as most do: closed to anonymous callers. */
    @Path("closed")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ClosedResource {

        @GET
        public String read() {
            return "\"read\"";
        }

        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return "\"open\"";
        }

        @GET
        @Path("admin")
        @RolesAllowed("admin")
        public String admin() {
            return "\"admin\"";
        }
    }

    /** A domain exception of another bundle's API, and the mapper that bundle registers for it. */
    static final class EngineMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Provider
    public static final class EngineMissingMapper implements ExceptionMapper<EngineMissing> {
        @Override
        public javax.ws.rs.core.Response toResponse(EngineMissing e) {
            return ErrorResponses.of(ApiException.unavailable("no engine yet"));
        }
    }

    /** Two authenticators, as the auth bundle registers them: each knows only its own kind of token. */
    /** Stands in for the OAuth token endpoint, which reads the client's Basic credentials itself. */
    @Path("auth/token")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public static class TokenEndpointProbe {

        @POST
        public String token(@Context javax.ws.rs.core.HttpHeaders headers, @Context javax.ws.rs.core.SecurityContext security) {
            return "\"" + headers.getHeaderString("Authorization") + " anonymous=" + (security.getUserPrincipal() == null) + "\"";
        }
    }

    private final Authenticator adminTokens = token -> token.equals("admin-token")
            ? Optional.of(new AuthenticatedUser("root", Set.of("admin"))) : Optional.empty();
    private final Authenticator userTokens = token -> switch (token) {
        case "user-token" -> Optional.of(new AuthenticatedUser("u1", Set.of("user"), Set.of("user-read-private"), "app-7"));
        case "db-down" -> throw new IllegalStateException("database down");
        default -> Optional.empty();
    };

    private final ApplicationHandler app = new ApplicationHandler(
            RestApplication.configuration(List.of(new ProbeResource(), new TokenEndpointProbe(), new ClosedResource(), new EngineMissingMapper()),
                    () -> List.of(userTokens, adminTokens)));

    record Answer(int status, Map<String, List<Object>> headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private Answer call(String method, String path, String contentType, String body, String token) throws Exception {
        return send(method, path, contentType, body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), token);
    }

    private Answer send(String method, String path, String contentType, InputStream body, String token) throws Exception {
        return send(method, path, contentType, body, token, new org.glassfish.jersey.internal.MapPropertiesDelegate());
    }

    /** {@code properties} stand for the servlet request's attributes, which the HTTP edge sets and reads. */
    private Answer send(String method, String path, String contentType, InputStream body, String token,
            org.glassfish.jersey.internal.PropertiesDelegate properties) throws Exception {
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/" + path),
                method, null, properties, null);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.setEntityStream(body);
        }
        var out = new ByteArrayOutputStream();
        ContainerResponse response = app.apply(request, out).get();
        var headers = new java.util.HashMap<String, List<Object>>(response.getHeaders());
        return new Answer(response.getStatus(), headers, out.toString(StandardCharsets.UTF_8));
    }

    private static void assertError(Answer answer, int status, String code) throws Exception {
        assertEquals(status, answer.status(), answer.body());
        JsonNode error = answer.json().get("error");
        assertEquals(status, error.get("status").asInt());
        assertEquals(code, error.get("code").asText());
        assertFalse(error.get("message").asText().isBlank());
    }

    @Test
    void answersInSnakeCase() throws Exception {
        Answer answer = call("GET", "probe", null, null, null);
        assertEquals(200, answer.status());
        assertEquals("Ada", answer.json().get("first_name").asText());
    }

    @Test
    void unexpectedExceptionIsAnOpaque500WithAnErrorId() throws Exception {
        Answer answer = call("GET", "probe/bug", null, null, null);
        assertError(answer, 500, "internal_error");
        String message = answer.json().get("error").get("message").asText();
        assertTrue(message.matches(".*error id [0-9a-f-]{36}.*"), message);
        assertFalse(answer.body().contains("secret internal detail"));
        assertFalse(answer.body().contains("IllegalStateException"));
    }

    @Test
    void apiExceptionKeepsItsStatusCodeAndMessage() throws Exception {
        Answer answer = call("GET", "probe/refused", null, null, null);
        assertError(answer, 400, "invalid_parameter");
        assertEquals("x must be positive", answer.json().get("error").get("message").asText());
    }

    @Test
    void aMapperContributedByAnotherBundleTranslatesItsExceptionWithRetryAfter() throws Exception {
        Answer answer = call("GET", "probe/engine-down", null, null, null);
        assertError(answer, 503, "service_unavailable");
        assertEquals("no engine yet", answer.json().get("error").get("message").asText());
        assertEquals("5", String.valueOf(answer.headers().get("Retry-After").get(0)));
    }

    @Test
    void aStringFieldRefusesBooleansAndNumbers() throws Exception {
        for (String value : new String[] {"true", "7", "2.5", "{}", "[\"A\"]"}) {
            Answer answer = call("POST", "probe", "application/json", "{\"first_name\":" + value + ",\"count\":1}", null);
            assertError(answer, 400, "invalid_body");
            assertEquals("field 'first_name' must be a string", answer.json().get("error").get("message").asText(), value);
        }
    }

    @Test
    void aJsonBodyOverItsBoundIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"first_name\":\"" + "x".repeat((int) ParsedBodyLimit.MAX_BYTES) + "\",\"count\":1}";
        assertError(call("POST", "probe", "application/json", big, null), 413, "payload_too_large");
        String fits = "{\"first_name\":\"" + "x".repeat(1000) + "\",\"count\":1}";
        assertEquals(200, call("POST", "probe", "application/json", fits, null).status());
    }

    @Test
    void aFieldNamedTwiceIsRefused() throws Exception {
        Answer answer = call("POST", "probe", "application/json", "{\"first_name\":\"A\",\"count\":1,\"first_name\":\"B\"}", null);
        assertError(answer, 400, "invalid_body");
        assertEquals("the body names a field twice: field 'first_name'", answer.json().get("error").get("message").asText());
    }

    @Test
    void anIntegerFieldRefusesStringsAndFractions() throws Exception {
        for (String value : new String[] {"\"3\"", "2.5", "true"}) {
            Answer answer = call("POST", "probe", "application/json", "{\"first_name\":\"A\",\"count\":" + value + "}", null);
            assertError(answer, 400, "invalid_body");
            assertTrue(answer.json().get("error").get("message").asText().startsWith("field 'count'"), value);
        }
    }

    @Test
    void textThatCannotBeStoredIsRefusedNamingTheField() throws Exception {
        Answer nul = call("POST", "probe", "application/json", "{\"first_name\":\"A\\u0000B\",\"count\":1}", null);
        assertError(nul, 400, "invalid_body");
        assertEquals("field 'first_name' contains the control character U+0000", nul.json().get("error").get("message").asText());
        Answer surrogate = call("POST", "probe", "application/json", "{\"first_name\":\"\\ud800x\",\"count\":1}", null);
        assertError(surrogate, 400, "invalid_body");
        assertTrue(surrogate.json().get("error").get("message").asText().startsWith("field 'first_name' contains an unpaired UTF-16 surrogate U+D800"));
        Answer pair = call("POST", "probe", "application/json", "{\"first_name\":\"\\ud83c\\udfb5 ok\\ttab\",\"count\":1}", null);
        assertEquals(200, pair.status(), pair.body());
        assertEquals("\ud83c\udfb5 ok\ttab", pair.json().get("first_name").asText());
    }

    @Test
    void parametersThatCannotBeStoredAreRefusedNamingTheParameter() throws Exception {
        Answer query = call("GET", "probe/search?q=a%00b", null, null, null);
        assertError(query, 400, "invalid_parameter");
        assertEquals("parameter 'q' contains the control character U+0000", query.json().get("error").get("message").asText());
        Answer path = call("GET", "probe/items/a%01b", null, null, null);
        assertError(path, 400, "invalid_parameter");
        assertEquals("parameter 'id' contains the control character U+0001", path.json().get("error").get("message").asText());
        assertEquals(200, call("GET", "probe/search?q=caf%C3%A9", null, null, null).status());
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertError(call("GET", "nothing-here", null, null, null), 404, "not_found");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        Answer answer = call("DELETE", "probe", null, null, null);
        assertError(answer, 405, "method_not_allowed");
        assertTrue(answer.headers().containsKey("Allow"));
    }

    @Test
    void wrongMediaTypeIs415() throws Exception {
        assertError(call("POST", "probe", "application/xml", "<a/>", null), 415, "unsupported_media_type");
    }

    @Test
    void malformedJsonIs400NamingThePlace() throws Exception {
        Answer answer = call("POST", "probe", "application/json", "{\"first_name\": ", null);
        assertError(answer, 400, "invalid_body");
        assertTrue(answer.json().get("error").get("message").asText().startsWith("the body is not valid JSON"));
    }

    @Test
    void wrongFieldTypeIs400NamingTheField() throws Exception {
        Answer answer = call("POST", "probe", "application/json", "{\"first_name\":\"A\",\"count\":\"many\"}", null);
        assertError(answer, 400, "invalid_body");
        assertEquals("field 'count' has a value of the wrong type or format", answer.json().get("error").get("message").asText());
    }

    @Test
    void rolesAreEnforced() throws Exception {
        assertError(call("GET", "probe/admin", null, null, null), 401, "unauthorized");
        assertError(call("GET", "probe/admin", null, null, "user-token"), 403, "forbidden");
        assertError(call("GET", "probe/admin", null, null, "forged"), 401, "unauthorized");
        assertEquals(200, call("GET", "probe/admin", null, null, "admin-token").status());
    }

    @Test
    void eachAuthenticatorIsAskedUntilOneAccepts() throws Exception {
        assertEquals(200, call("GET", "probe/admin", null, null, "admin-token").status());
        assertEquals("\"u1 [user-read-private] app-7\"", call("GET", "probe/whoami", null, null, "user-token").body());
        assertEquals("\"root [] -\"", call("GET", "probe/whoami", null, null, "admin-token").body());
        assertError(call("GET", "probe/whoami", null, null, "nobody-knows-me"), 401, "unauthorized");
    }

    @Test
    void aFailingAuthenticatorDoesNotHideAnotherThatAcceptsAndIsNo401WhenNoneAccepts() throws Exception {
        var failingFirst = new ApplicationHandler(RestApplication.configuration(List.of(new ProbeResource()),
                () -> List.of(token -> {
                    throw new IllegalStateException("database down");
                }, adminTokens)));
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/probe/admin"),
                "GET", null, new org.glassfish.jersey.internal.MapPropertiesDelegate(), null);
        request.header("Authorization", "Bearer admin-token");
        assertEquals(200, failingFirst.apply(request, new ByteArrayOutputStream()).get().getStatus());
        assertError(call("GET", "probe/whoami", null, null, "db-down"), 500, "internal_error");
    }

    @Test
    void withoutAnyAuthenticatorABearerTokenIs401() throws Exception {
        var none = new ApplicationHandler(RestApplication.configuration(List.of(new ProbeResource()), List::of));
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/probe"),
                "GET", null, new org.glassfish.jersey.internal.MapPropertiesDelegate(), null);
        request.header("Authorization", "Bearer admin-token");
        assertEquals(401, none.apply(request, new ByteArrayOutputStream()).get().getStatus());
    }

    @Test
    void aMalformedAuthorizationHeaderIs401EvenOnPublicPaths() throws Exception {
        var request = call("GET", "probe", null, null, "");
        assertError(request, 401, "unauthorized");
    }

    private Answer withAuthorization(String method, String path, String authorization) throws Exception {
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/" + path),
                method, null, new org.glassfish.jersey.internal.MapPropertiesDelegate(), null);
        request.header("Authorization", authorization);
        var out = new ByteArrayOutputStream();
        ContainerResponse response = app.apply(request, out).get();
        return new Answer(response.getStatus(), new java.util.HashMap<>(response.getHeaders()), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBasicHeaderReachesTheTokenEndpointAnonymouslyButIs401Elsewhere() throws Exception {
        Answer token = withAuthorization("POST", "auth/token", "Basic Y2xpZW50OnNlY3JldA==");
        assertEquals(200, token.status(), token.body());
        assertEquals("\"Basic Y2xpZW50OnNlY3JldA== anonymous=true\"", token.body());
        assertError(withAuthorization("GET", "probe", "Basic Y2xpZW50OnNlY3JldA=="), 401, "unauthorized");
        assertError(withAuthorization("POST", "auth/token", "Bearer forged"), 401, "unauthorized");
        assertError(withAuthorization("POST", "auth/token", "Digest x"), 401, "unauthorized");
    }

    /** A body whose client stopped sending: Jetty's stream throws its EofException (an EOFException). */
    private static InputStream endsEarly(String start) {
        return new InputStream() {
            private final InputStream first = new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                int next = first.read();
                if (next < 0) {
                    throw new EOFException("Early EOF");
                }
                return next;
            }
        };
    }

    @Test
    void aBodyThatEndsEarlyIs400ForStreamedAndJsonBodies() throws Exception {
        Answer upload = send("PUT", "probe/upload", "audio/mpeg", endsEarly("ID3 some bytes"), null);
        assertError(upload, 400, "invalid_body");
        Answer json = send("POST", "probe", "application/json", endsEarly("{\"first_name\": \"Ad"), null);
        assertError(json, 400, "invalid_body");
        assertTrue(json.json().get("error").get("message").asText().contains("ended before"), json.body());
        // a chunk size that is not hex fails the very first read, where Jersey checks whether there is a body
        assertError(send("POST", "probe", "application/json", endsEarly(""), null), 400, "invalid_body");
        assertError(send("PUT", "probe/upload", "audio/mpeg", endsEarly(""), null), 400, "invalid_body");
        // Jersey wraps the failure in a ProcessingException when it reads ahead itself
        assertError(send("POST", "probe/has-body", "text/plain", endsEarly(""), null), 400, "invalid_body");
    }

    @Test
    void answersToCredentialsAreNeverStored() throws Exception {
        assertEquals(List.of("no-store"), call("GET", "probe/admin", null, null, "admin-token").headers().get("Cache-Control"));
        assertEquals(List.of("no-store"), call("GET", "probe/admin", null, null, "forged").headers().get("Cache-Control"));
        assertEquals(null, call("GET", "probe", null, null, null).headers().get("Cache-Control"));
    }

    @Test
    void aMethodThatSaysNothingNeedsATokenOfAnyKind() throws Exception {
        Answer anonymous = call("GET", "closed", null, null, null);
        assertError(anonymous, 401, "unauthorized");
        assertEquals("Bearer realm=\"audotics\"", String.valueOf(anonymous.headers().get("WWW-Authenticate").get(0)));
        assertEquals("\"read\"", call("GET", "closed", null, null, "user-token").body());
        assertEquals("\"read\"", call("GET", "closed", null, null, "admin-token").body());
        assertError(call("GET", "closed", null, null, "forged"), 401, "unauthorized");
    }

    @Test
    void permitAllOnAMethodOpensItAndRolesAllowedOnAMethodNarrowsIt() throws Exception {
        assertEquals(200, call("GET", "closed/open", null, null, null).status());
        assertEquals(200, call("GET", "closed/open", null, null, "user-token").status());
        assertError(call("GET", "closed/admin", null, null, null), 401, "unauthorized");
        assertError(call("GET", "closed/admin", null, null, "user-token"), 403, "forbidden");
        assertEquals(200, call("GET", "closed/admin", null, null, "admin-token").status());
        // the class says PermitAll, the method RolesAllowed: the method wins
        assertError(call("GET", "probe/admin", null, null, null), 401, "unauthorized");
    }

    @Test
    void optionsStaysOpenForBrowsersPreflights() throws Exception {
        Answer options = call("OPTIONS", "closed", null, null, null);
        assertEquals(200, options.status(), options.body());
        assertTrue(String.valueOf(options.headers().get("Allow")).contains("GET"), String.valueOf(options.headers()));
    }

    @Test
    void errorBodiesCarryTheRequestIdTheEdgeGave() throws Exception {
        for (String path : List.of("probe/refused", "probe/bug", "probe/engine-down", "closed/admin", "no/such/route")) {
            var properties = new org.glassfish.jersey.internal.MapPropertiesDelegate();
            properties.setProperty(RequestTags.REQUEST_ID_ATTRIBUTE, "req-" + path.length());
            Answer answer = send("GET", path, null, null, path.equals("closed/admin") ? "user-token" : null, properties);
            assertTrue(answer.status() >= 400, path + " " + answer.status());
            assertEquals("req-" + path.length(), answer.json().get("error").path("request_id").asText(null), answer.body());
        }
    }

    @Test
    void anErrorBodyWithoutARequestIdLeavesTheFieldOut() throws Exception {
        Answer answer = call("GET", "probe/refused", null, null, null);
        assertError(answer, 400, "invalid_parameter");
        assertFalse(answer.json().get("error").has("request_id"), answer.body());
    }

    @Test
    void successesAreNotRewritten() throws Exception {
        var properties = new org.glassfish.jersey.internal.MapPropertiesDelegate();
        properties.setProperty(RequestTags.REQUEST_ID_ATTRIBUTE, "req-ok");
        Answer answer = send("GET", "probe", null, null, null, properties);
        assertEquals(200, answer.status());
        assertFalse(answer.body().contains("req-ok"), answer.body());
    }

    @Test
    void theEdgeIsToldTheRouteTemplateAndTheUser() throws Exception {
        var properties = new org.glassfish.jersey.internal.MapPropertiesDelegate();
        assertEquals(200, send("GET", "probe/items/4uLU6hMC", null, null, "user-token", properties).status());
        assertEquals("/v1/probe/items/{id}", properties.getProperty(RequestTags.ROUTE_ATTRIBUTE));
        assertEquals("u1", properties.getProperty(RequestTags.USER_ATTRIBUTE));
        var anonymous = new org.glassfish.jersey.internal.MapPropertiesDelegate();
        assertEquals(200, send("GET", "probe", null, null, null, anonymous).status());
        assertEquals("/v1/probe", anonymous.getProperty(RequestTags.ROUTE_ATTRIBUTE));
        assertEquals(null, anonymous.getProperty(RequestTags.USER_ATTRIBUTE));
    }

    @Test
    void aMapBodyWhoseErrorIsADetailGetsTheIdToo() {
        Object tagged = ErrorBodyRequestId.withRequestId(Map.of("error", org.audotics.http.api.ErrorBody.of(400, "x", "y").error(),
                "rejected", List.of(1)), "r9");
        assertEquals("r9", ((org.audotics.http.api.ErrorBody.Detail) ((Map<?, ?>) tagged).get("error")).requestId());
        assertEquals(List.of(1), ((Map<?, ?>) tagged).get("rejected"));
        Object other = List.of("not an error body");
        assertTrue(ErrorBodyRequestId.withRequestId(other, "r9") == other);
    }

    /** Records what the REST application measures, as the metrics bundle would receive it. */
    static final class RecordingMetrics implements org.audotics.metrics.api.Metrics {
        final List<String> timings = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void time(String name, long nanos, String... tags) {
            assertTrue(nanos >= 0);
            timings.add(name + " " + String.join(",", tags));
        }

        @Override
        public void count(String name, double amount, String... tags) {
        }

        @Override
        public Gauge gauge(String name, String description, java.util.function.DoubleSupplier value, String... tags) {
            return () -> { };
        }
    }

    @Test
    void everyAnswerIsTimedByMethodRouteTemplateAndStatus() throws Exception {
        RecordingMetrics metrics = new RecordingMetrics();
        var measured = new ApplicationHandler(RestApplication.configuration(List.of(new ProbeResource(), new ClosedResource()),
                () -> List.of(userTokens, adminTokens), () -> metrics));
        for (String[] call : new String[][] {{"probe/items/4uLU6hMC", null}, {"no/such/route", null}, {"closed", null},
                {"closed/admin", "user-token"}, {"probe/refused", null}}) {
            var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/" + call[0]),
                    "GET", null, new org.glassfish.jersey.internal.MapPropertiesDelegate(), null);
            if (call[1] != null) {
                request.header("Authorization", "Bearer " + call[1]);
            }
            measured.apply(request, new ByteArrayOutputStream()).get();
        }
        assertEquals(List.of(
                "audotics.http.requests method,GET,route,/v1/probe/items/{id},status,200",
                "audotics.http.requests method,GET,route,unmatched,status,404",
                "audotics.http.requests method,GET,route,/v1/closed,status,401",
                "audotics.http.requests method,GET,route,/v1/closed/admin,status,403",
                "audotics.http.requests method,GET,route,/v1/probe/refused,status,400"), metrics.timings);
    }

    @Test
    void withoutAMetricsBundleNothingIsRecordedAndAnswersAreTheSame() throws Exception {
        var unmeasured = new ApplicationHandler(RestApplication.configuration(List.of(new ProbeResource()), List::of, () -> null));
        var request = new ContainerRequest(URI.create("http://localhost/v1/"), URI.create("http://localhost/v1/probe"),
                "GET", null, new org.glassfish.jersey.internal.MapPropertiesDelegate(), null);
        assertEquals(200, unmeasured.apply(request, new ByteArrayOutputStream()).get().getStatus());
    }
}
