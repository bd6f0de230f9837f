package org.audotics.http.jetty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two classes in a real Jetty 9.4 built as Pax Web builds it (a servlet context with its own HTML
 * {@link ErrorPageErrorHandler}), spoken to over a socket so that malformed requests reach it as sent.
 */
class EdgeHandlerTest {

    private static Server server;
    private static int port;

    /** A servlet with only GET, like a plain HttpServlet of ours. */
    public static final class GetOnly extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"ok\":true}");
        }
    }

    /** Refuses the way Jersey does when it cannot parse a header: sendError without a body. */
    public static final class SendsError extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(400, "Bad Request");
        }
    }

    /** Says "no such thing" without a body, as Jersey does for HEAD on an unknown id. */
    public static final class NotFound extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(404);
        }
    }

    public static final class Fails extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException("a bug");
        }
    }

    /** Reads the whole body, as an upload does. */
    public static final class ReadsBody extends HttpServlet {
        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            response.setStatus(204);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(8192);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setErrorHandler(new ErrorPageErrorHandler());
        context.addServlet(new ServletHolder(new GetOnly()), "/get-only");
        context.addServlet(new ServletHolder(new SendsError()), "/sends-error");
        context.addServlet(new ServletHolder(new Fails()), "/fails");
        context.addServlet(new ServletHolder("audotics-v1", new NotFound()), "/v1/*");
        context.addServlet(new ServletHolder(new ReadsBody()), "/upload");
        server.setHandler(context);
        server.insertHandler(new EdgeHandler());
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends bytes as they are, then half-closes, and reads one answer. */
    private static Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(split + 4));
        }
    }

    private static Answer get(String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private static void assertJsonError(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.toString());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.toString());
        assertEquals("no-store", answer.header("Cache-Control"), answer.toString());
        assertEquals(EdgeHandler.CSP, answer.header("Content-Security-Policy"), answer.toString());
        assertTrue(answer.body().startsWith("{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\""),
                answer.body());
        String requestId = answer.header(RequestIds.HEADER);
        assertTrue(RequestIds.usable(requestId), answer.toString());
        assertTrue(answer.body().endsWith(",\"request_id\":\"" + requestId + "\"}}"), answer.body());
    }

    @Test
    void badPercentEncodingIsJson400() throws IOException {
        assertJsonError(get("/get-only/%zz"), 400, "invalid_request");
        assertJsonError(get("/get-only/%"), 400, "invalid_request");
        assertJsonError(get("/get-only/%00"), 400, "invalid_request");
    }

    @Test
    void oversizedUriAndHeadersAreJson414And431() throws IOException {
        assertJsonError(get("/get-only/" + "a".repeat(9000)), 414, "uri_too_long");
        assertJsonError(send("GET /get-only HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(9000)
                + "\r\nConnection: close\r\n\r\n"), 431, "headers_too_large");
    }

    @Test
    void unknownHttpVersionIsJson505() throws IOException {
        assertJsonError(send("GET /get-only HTTP/2.5\r\nHost: localhost\r\n\r\n"), 505, "http_version_not_supported");
    }

    @Test
    void traceIs405WithAllowAndUnknownMethodsAre501() throws IOException {
        Answer trace = send("TRACE /get-only HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertJsonError(trace, 405, "method_not_allowed");
        assertEquals(JsonErrors.ALLOWED_METHODS, trace.header("Allow"));
        assertJsonError(send("FOO /get-only HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 501, "not_implemented");
    }

    @Test
    void errorsInsideAContextAreJsonNotTheContextsHtml() throws IOException {
        Answer post = send("POST /get-only HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertJsonError(post, 405, "method_not_allowed");
        assertJsonError(send("POST /sends-error HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                400, "invalid_request");
        Answer failure = get("/fails");
        assertJsonError(failure, 500, "internal_error");
        assertTrue(!failure.body().contains("a bug"), failure.body());
    }

    @Test
    void aPathNoServletServesIs503WithRetryAfterWhileStarting() throws IOException {
        Answer answer = get("/nothing-registered-here");
        assertJsonError(answer, 503, "service_unavailable");
        assertEquals(String.valueOf(JsonErrors.RETRY_AFTER_SECONDS), answer.header("Retry-After"));
    }

    @Test
    void aServletsOwn404StaysA404() throws IOException {
        assertJsonError(get("/v1/tracks/unknown"), 404, "not_found");
    }

    @Test
    void aBodyThatEndsEarlyIs400() throws IOException {
        assertJsonError(send("PUT /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nonly a few bytes"),
                400, "invalid_request");
        assertJsonError(send("PUT /upload HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
                400, "invalid_request");
    }

    @Test
    void successfulAnswersCarryNosniff() throws IOException {
        Answer answer = get("/get-only");
        assertEquals(200, answer.status());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals(EdgeHandler.CSP, answer.header("Content-Security-Policy"));
        assertEquals("{\"ok\":true}", answer.body());
    }

    @Test
    void aUsableRequestIdIsEchoedAndReachesTheErrorBody() throws IOException {
        Answer ok = send("GET /get-only HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: client-42.a:b_c\r\nConnection: close\r\n\r\n");
        assertEquals("client-42.a:b_c", ok.header(RequestIds.HEADER));
        Answer failed = send("GET /fails HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: trace-7\r\nConnection: close\r\n\r\n");
        assertJsonError(failed, 500, "internal_error");
        assertEquals("trace-7", failed.header(RequestIds.HEADER));
    }

    @Test
    void anUnusableRequestIdIsReplacedByANewOne() throws IOException {
        for (String sent : new String[] {"has space", "quote\"s", "x".repeat(RequestIds.MAX_LENGTH + 1), "<script>"}) {
            Answer answer = send("GET /get-only HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + sent + "\r\nConnection: close\r\n\r\n");
            String id = answer.header(RequestIds.HEADER);
            assertTrue(RequestIds.usable(id) && !id.equals(sent), sent + " -> " + id);
        }
    }

    @Test
    void eachRequestWithoutAnIdGetsItsOwn() throws IOException {
        String first = get("/get-only").header(RequestIds.HEADER);
        String second = get("/get-only").header(RequestIds.HEADER);
        assertEquals(32, first.length());
        assertTrue(!first.equals(second), first);
    }

    @Test
    void theAccessLineNamesTheRouteNotThePathWhenOneIsKnown() {
        assertEquals("GET /v1/tracks/{id} 200 3ms user=u1 id=abc",
                AccessLog.line("GET", "/v1/tracks/{id}", "/v1/tracks/4uLU6hMCjMI75M1A2tKUQC", "u1", 200, 3, "abc"));
        assertEquals("POST /v1/x_y_z 404 0ms user=- id=abc", AccessLog.line("POST", null, "/v1/x y\nz", null, 404, 0, "abc"));
    }
}
