package org.audotics.realtime.channel.internal;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;

/**
 * engine.io's WebSocket transport over Jetty 9.4, in place of engine.io-server-jetty's adapter: writes are
 * asynchronous and bounded ({@link AsyncSender}, STACK.md fix 3), and every inbound packet passes the
 * {@link ConnectGuard} first.
 */
final class EngineIoJettySocket extends EngineIoWebSocket implements WebSocketListener {

    private final EngineIoServer server;
    private final ConnectGuard guard;
    private final int maxQueued;
    private volatile AsyncSender sender;
    private Map<String, String> query;
    private Map<String, List<String>> headers;

    EngineIoJettySocket(EngineIoServer server, ConnectGuard guard, int maxQueued) {
        this.server = server;
        this.guard = guard;
        this.maxQueued = maxQueued;
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) {
        AsyncSender s = sender;
        if (s != null) {
            s.send(message);
        }
    }

    @Override
    public void write(byte[] message) {
        // the channel sends JSON text only; Socket.IO binary attachments are not part of its protocol
        write(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        AsyncSender s = sender;
        if (s != null) {
            s.close(StatusCode.NORMAL, null);
        }
    }

    @Override
    public void onWebSocketConnect(Session session) {
        sender = new AsyncSender(session, maxQueued);
        query = ParseQS.decode(session.getUpgradeRequest().getQueryString());
        headers = session.getUpgradeRequest().getHeaders();
        server.handleWebSocket(this);
    }

    @Override
    public void onWebSocketText(String message) {
        String passed = guard.inbound(message, headers, this::write);
        if (passed != null) {
            emit("message", (Object) passed);
        }
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int len) {
        close();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        emit("close");
        sender = null;
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        emit("error", "write error", cause.getMessage());
    }
}
