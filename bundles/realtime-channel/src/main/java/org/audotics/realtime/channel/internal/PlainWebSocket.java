package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;

/**
 * A client of {@code /v1/realtime}: one JSON object per text message each way. Client messages are
 * {@code {"action", "id"?, ...arguments}}; the server answers each with {@code {"event": "ack", "id", "ok", ...}}
 * and sends events as {@code {"event": <type>, "session_id", "sequence", ...}} (docs/api.md).
 */
final class PlainWebSocket extends Connection implements WebSocketListener {

    private final ChannelHub hub;
    private final int maxQueued;
    private volatile AsyncSender sender;

    PlainWebSocket(ChannelHub hub, String userId, String token) {
        super(userId, token, hub.newRateLimit());
        this.hub = hub;
        this.maxQueued = hub.config().send_queue_max_messages();
    }

    @Override
    protected synchronized void send(String event, String bodyJson) {
        AsyncSender s = sender;
        if (s != null) {
            s.send("{\"event\":\"" + event + "\"," + bodyJson.substring(1));
        }
    }

    @Override
    void disconnect(String code, String message) {
        AsyncSender s = sender;
        if (s != null) {
            send("error", ChannelJson.JSON.createObjectNode().set("error", ChannelJson.error(new ChannelError(ChannelError.statusOf(code), code, message))).toString());
            s.close(StatusCode.POLICY_VIOLATION, code);
        }
    }

    @Override
    public void onWebSocketConnect(Session session) {
        sender = new AsyncSender(session, maxQueued);
        hub.opened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        if (!withinRate()) {
            if (firstOverRate()) {
                hub.cutOff(userId());
                disconnect(ChannelError.RATE_LIMITED, "more than " + hub.config().messages_per_second() + " messages a second: disconnected");
            }
            return;
        }
        JsonNode request;
        try {
            request = ChannelJson.parse(message);
        } catch (ChannelError e) {
            acknowledge(null, ChannelJson.refusal(e));
            return;
        }
        JsonNode id = request.get("id");
        JsonNode action = request.get("action");
        if (!request.isObject() || action == null || !action.isTextual()) {
            acknowledge(id, ChannelJson.refusal(ChannelError.invalid("send {\"action\": \"join\", \"id\": 1, \"session_id\": \"...\"}")));
            return;
        }
        hub.handle(this, action.asText(), request, ack -> acknowledge(id, ack));
    }

    private void acknowledge(JsonNode id, ObjectNode ack) {
        ObjectNode message = ChannelJson.JSON.createObjectNode();
        message.set("id", id);
        message.setAll(ack);
        send("ack", message.toString());
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int len) {
        acknowledge(null, ChannelJson.refusal(ChannelError.invalid("send JSON text messages, not binary ones")));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        sender = null;
        if (statusCode == StatusCode.MESSAGE_TOO_LARGE) {
            // Jetty refused a message over max.message.bytes: an oversized flood is kept out like a fast one
            hub.cutOff(userId());
        }
        hub.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the socket after an error (e.g. 1009 for a message over the limit); the close releases it
    }
}
