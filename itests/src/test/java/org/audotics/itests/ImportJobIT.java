package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streamed imports ({@code POST /v1/catalog/imports}) through the built distribution on PostgreSQL and Redis:
 * bodies generated while they are sent (chunked), progress polled to the end, gzip, the size limit, and a
 * crash in the middle of an import resumed after the restart with every line written exactly once.
 */
class ImportJobIT {

    /** Small enough to test the 413 with a generated body, large enough for the 50 000 lines (about 12 MB). */
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    private static TestDatabase database;
    private static AudoticsServer server;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        database = new TestDatabase();
        String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        server = AudoticsServer.start("imports", Map.of(
                "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                "org.audotics.catalog", "import.max.bytes = " + MAX_BYTES + "\nimport.batch.lines = 1000\n"), true);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            database.close();
        }
    }

    private String ext(String name) {
        return "import-it-" + run + "-" + name;
    }

    /** Line {@code n} of a generated body; every 7th artist and 5th album shared. */
    private String line(String name, long n) {
        return "{\"external_id\":\"" + ext(name) + "-" + n + "\",\"name\":\"Song " + n + "\",\"artists\":[{\"external_id\":\""
                + ext("artist") + "-" + (n % 97) + "\",\"name\":\"Artist " + (n % 97) + "\"}],\"album\":{\"external_id\":\""
                + ext("album") + "-" + (n % 53) + "\",\"name\":\"Album " + (n % 53) + "\"},\"genres\":[\"rock\"],"
                + "\"popularity\":" + (n % 100) + ",\"duration_ms\":" + (120_000 + n % 1000) + "}\n";
    }

    /** A body of {@code lines} generated lines, produced as it is read (never held whole); {@code bad} replaces one line. */
    private InputStream generated(String name, long lines, long badLine, String bad) {
        return new InputStream() {
            private long next = 1;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position == current.length) {
                    if (next > lines) {
                        return -1;
                    }
                    current = (next == badLine ? bad + "\n" : line(name, next)).getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    next++;
                }
                int count = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, count);
                position += count;
                return count;
            }
        };
    }

    private HttpAnswer submit(HttpRequest.BodyPublisher body, String contentType, String contentEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/catalog/imports"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(5))
                .POST(body);
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return server.send(request);
    }

    private JsonNode awaitEnd(String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpAnswer answer = null;
        while (System.nanoTime() < deadline) {
            answer = server.get("/v1/catalog/imports/" + id);
            assertEquals(200, answer.status(), answer.toString());
            String state = answer.json().get("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return answer.json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not end within " + timeout + ": " + answer);
    }

    @Test
    void fiftyThousandStreamedLinesImportWithProgressAndTheBadLineReported() throws Exception {
        long lines = 50_000;
        HttpAnswer accepted = submit(HttpRequest.BodyPublishers.ofInputStream(() -> generated("big", lines, 12_345,
                line("big", 12_345).trim().replace("\"popularity\":45", "\"popularity\":1000"))), "application/x-ndjson", null);
        assertEquals(202, accepted.status(), accepted.toString());
        String id = accepted.json().get("id").asText();
        assertEquals("queued", accepted.json().get("state").asText());
        assertTrue(accepted.header("Location").endsWith("/v1/catalog/imports/" + id), accepted.toString());

        JsonNode done = awaitEnd(id, Duration.ofMinutes(5));
        assertEquals("done", done.get("state").asText(), done.toString());
        assertEquals(lines, done.get("lines_read").asLong());
        assertEquals(lines - 1, done.get("created").asLong());
        assertEquals(0, done.get("updated").asLong());
        assertEquals(1, done.get("rejected").asLong());
        JsonNode rejection = done.get("rejections").get(0);
        assertEquals(12_345, rejection.get("line").asLong());
        assertEquals("popularity", rejection.get("field").asText());
        assertTrue(rejection.get("reason").asText().startsWith("popularity "), rejection.toString());
        assertEquals(lines - 1, database.count("SELECT count(*) FROM track WHERE external_id LIKE ?", ext("big") + "-%"));

        HttpAnswer list = server.get("/v1/catalog/imports?limit=50");
        assertEquals(200, list.status(), list.toString());
        boolean listed = false;
        for (JsonNode job : list.json().get("items")) {
            listed |= job.get("id").asText().equals(id);
        }
        assertTrue(listed, list.toString());
    }

    @Test
    void aGzipBodyImportsAndOneThatIsNotGzipIsRefused() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed); InputStream body = generated("gzip", 3_000, 0, "")) {
            body.transferTo(gzip);
        }
        HttpAnswer byEncoding = submit(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()), "application/x-ndjson", "gzip");
        assertEquals(202, byEncoding.status(), byEncoding.toString());
        JsonNode done = awaitEnd(byEncoding.json().get("id").asText(), Duration.ofMinutes(2));
        assertEquals("done", done.get("state").asText(), done.toString());
        assertEquals(3_000, done.get("created").asLong());
        assertTrue(done.get("gzip").asBoolean());

        HttpAnswer byType = submit(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()), "application/gzip", null);
        assertEquals(202, byType.status(), byType.toString());
        assertEquals(3_000, awaitEnd(byType.json().get("id").asText(), Duration.ofMinutes(2)).get("updated").asLong());

        HttpAnswer notGzip = submit(HttpRequest.BodyPublishers.ofString(line("plain", 1)), "application/gzip", null);
        assertEquals(400, notGzip.status(), notGzip.toString());
        assertEquals("invalid_body", notGzip.json().get("error").get("code").asText());
        assertEquals(3_000, database.count("SELECT count(*) FROM track WHERE external_id LIKE ?", ext("gzip") + "-%"));
    }

    /**
     * Sent chunked over a plain socket, written until the server answers or stops reading: an HTTP client that
     * insists on sending the whole body first would never see the early 413.
     */
    @Test
    void aBodyOverTheConfiguredMaximumIs413AndNothingIsImported() throws Exception {
        long lines = MAX_BYTES / 200; // lines are over 200 bytes: more than the maximum
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            out.write(("POST /v1/catalog/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + AudoticsServer.ADMIN_TOKEN
                    + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream body = generated("huge", lines, 0, "")) {
                byte[] chunk = new byte[16_384];
                int read;
                while ((read = body.read(chunk, 0, chunk.length)) > 0 && in.available() == 0) {
                    out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, read);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.net.SocketException closedByServer) {
                // the server answered and closed the connection while the body was still being sent
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            socket.setSoTimeout(5_000);
            try {
                while ((read = in.read(buffer)) > 0 && !received.toString(StandardCharsets.UTF_8).contains("}}")) {
                    received.write(buffer, 0, read);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException ended) {
                // keep-alive (the answer is complete, the connection stays open) or closed after the answer
            }
            answer = received.toString(StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("payload_too_large"), answer);
        assertEquals(0, database.count("SELECT count(*) FROM track WHERE external_id LIKE ?", ext("huge") + "-%"));
    }

    @Test
    void aCrashInTheMiddleOfAnImportIsResumedAfterTheRestartWithEveryLineOnce() throws Exception {
        long lines = 40_000;
        HttpAnswer accepted = submit(HttpRequest.BodyPublishers.ofInputStream(() -> generated("crash", lines, 0, "")), "application/x-ndjson", null);
        assertEquals(202, accepted.status(), accepted.toString());
        String id = accepted.json().get("id").asText();

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = server.get("/v1/catalog/imports/" + id).json();
            if (progress.get("lines_read").asLong() >= 2_000) {
                break;
            }
            Thread.sleep(20);
        }
        assertEquals("running", progress.get("state").asText(), "the crash must come in the middle: " + progress);
        server.crash();
        long written = database.count("SELECT count(*) FROM track WHERE external_id LIKE ?", ext("crash") + "-%");
        assertTrue(written < lines, "crashed before the end: " + written);
        server.restart();

        JsonNode done = awaitEnd(id, Duration.ofMinutes(5));
        assertEquals("done", done.get("state").asText(), done.toString());
        assertEquals(lines, done.get("lines_read").asLong());
        assertEquals(lines, done.get("created").asLong(), "no line written twice, none lost: " + done);
        assertEquals(0, done.get("updated").asLong(), done.toString());
        assertEquals(lines, database.count("SELECT count(*) FROM track WHERE external_id LIKE ?", ext("crash") + "-%"));
    }
}
