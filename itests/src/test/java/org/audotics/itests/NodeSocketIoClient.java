package org.audotics.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The official npm {@code socket.io-client} in a Node process (src/test/node/socketio-driver.js, installed into
 * target/node by the build), driven line by line: what it reports (connect, connect_error, events, acks,
 * disconnect) waits in a queue for the test to take.
 */
final class NodeSocketIoClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final Writer in;
    private final BlockingQueue<JsonNode> reports = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<JsonNode> backlog = new ArrayList<>();
    private int acks;

    private NodeSocketIoClient(Process process) {
        this.process = process;
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    try {
                        reports.add(JSON.readTree(line));
                    } catch (IOException notJson) {
                        reports.add(JSON.createObjectNode().put("type", "driver_output").put("line", line));
                    }
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "socket.io-client reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a client and connects it to the server's {@code /sessions} namespace with the token in {@code auth} (or as a header). */
    static NodeSocketIoClient connect(AudoticsServer server, String token, boolean asHeader, String... transports) throws IOException {
        Path node = Path.of(System.getProperty("audotics.it.node", "target/node"));
        // the build installs the client with npm where Node is on the PATH, and says so where it is not
        Assumptions.assumeTrue(Files.isDirectory(node.resolve("node_modules/socket.io-client")),
                "no Node.js/npm on this machine: the official socket.io-client (JavaScript) cannot run, so this test is skipped");
        Process process = new ProcessBuilder("node", node.resolve("socketio-driver.js").toString()).directory(node.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        NodeSocketIoClient client = new NodeSocketIoClient(process);
        ObjectNode command = JSON.createObjectNode().put("cmd", "connect").put("url", server.uri("/sessions").toString()).put("header", asHeader);
        if (token != null) {
            command.put("token", token);
        }
        if (transports.length > 0) {
            command.set("transports", JSON.valueToTree(transports));
        }
        client.command(command);
        return client;
    }

    private synchronized void command(ObjectNode command) throws IOException {
        in.write(command.toString() + "\n");
        in.flush();
    }

    /** Emits an event with an acknowledgement; @return the acknowledgement's body */
    JsonNode call(String event, ObjectNode args) throws Exception {
        int id = ++acks;
        command(JSON.createObjectNode().put("cmd", "emit").put("event", event).put("ack", id).set("args", args));
        return next(r -> "ack".equals(r.path("type").asText()) && r.path("ack").asInt() == id).get("body");
    }

    /** Emits {@code count} events without acknowledgements, as fast as the client can. */
    void flood(String event, int count, ObjectNode args) throws IOException {
        command((ObjectNode) JSON.createObjectNode().put("cmd", "raw").put("event", event).put("count", count).set("args", args));
    }

    void disconnect() throws IOException {
        command(JSON.createObjectNode().put("cmd", "disconnect"));
    }

    /** @return the first report of this type not taken yet */
    JsonNode next(String type) throws InterruptedException {
        return next(r -> type.equals(r.path("type").asText()));
    }

    /** @return the first report matching, within 20 s (reports skipped on the way stay for later calls) */
    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        for (java.util.Iterator<JsonNode> waiting = backlog.iterator(); waiting.hasNext(); ) {
            JsonNode earlier = waiting.next();
            if (wanted.test(earlier)) {
                waiting.remove();
                return earlier;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode report = left <= 0 ? null : reports.poll(left, TimeUnit.NANOSECONDS);
            if (report == null) {
                throw new AssertionError("the socket.io client reported nothing matching within " + WAIT + "; it reported: " + seen);
            }
            seen.add(report);
            if (wanted.test(report)) {
                return report;
            }
            backlog.add(report);
        }
    }

    /** @return the next {@code count} session events, in the order they came (presence messages, not sequenced, left for {@link #next}) */
    List<JsonNode> events(int count) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        while (events.size() < count) {
            events.add(next(r -> "event".equals(r.path("type").asText()) && r.path("body").has("sequence")));
        }
        return events;
    }

    @Override
    public void close() throws Exception {
        try {
            in.close();
        } catch (IOException gone) {
            // already ended
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
