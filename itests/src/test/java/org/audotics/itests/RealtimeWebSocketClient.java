package org.audotics.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Java's own WebSocket client on {@code /v1/realtime}: every message it receives waits in a queue for the test. */
final class RealtimeWebSocketClient implements WebSocket.Listener, AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<JsonNode> backlog = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private WebSocket socket;
    private int ids;

    static RealtimeWebSocketClient connect(AudoticsServer server, String token) {
        RealtimeWebSocketClient client = new RealtimeWebSocketClient();
        URI uri = URI.create("ws://127.0.0.1:" + server.port + "/v1/realtime");
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(NodeSocketIoClient.JSON.readTree(partial.toString()));
            } catch (java.io.IOException e) {
                received.add(NodeSocketIoClient.JSON.createObjectNode().put("event", "not_json").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedWith.complete(-1);
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends an action; @return its acknowledgement */
    JsonNode call(String action, ObjectNode args) throws InterruptedException {
        int id = ++ids;
        ObjectNode message = args.deepCopy().put("action", action).put("id", id);
        sendText(message.toString());
        return next(m -> "ack".equals(m.path("event").asText()) && m.path("id").asInt() == id);
    }

    /** @return the first message matching, within 20 s (messages skipped on the way stay for later calls) */
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
            JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("the WebSocket received nothing matching within " + WAIT + "; it received: " + seen);
            }
            seen.add(message);
            if (wanted.test(message)) {
                return message;
            }
            backlog.add(message);
        }
    }

    /** @return the next session event (an acknowledgement or error on the way is skipped) */
    JsonNode nextEvent() throws InterruptedException {
        return next(m -> m.has("sequence") && m.has("session_id"));
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
