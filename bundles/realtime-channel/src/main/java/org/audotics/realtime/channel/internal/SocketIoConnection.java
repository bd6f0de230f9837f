package org.audotics.realtime.channel.internal;

import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;

/** A client on the Socket.IO namespace {@code /sessions}: events are Socket.IO events named by their type. */
final class SocketIoConnection extends Connection {

    /** The event that tells a client why the server disconnects it. */
    static final String ERROR_EVENT = "channel_error";

    private final SocketIoSocket socket;

    SocketIoConnection(SocketIoSocket socket, String userId, String token, RateLimit rate) {
        super(userId, token, rate);
        this.socket = socket;
    }

    @Override
    protected synchronized void send(String event, String bodyJson) {
        socket.send(event, new JSONObject(bodyJson));
    }

    @Override
    void disconnect(String code, String message) {
        ChannelError error = new ChannelError(ChannelError.statusOf(code), code, message);
        send(ERROR_EVENT, ChannelJson.error(error).toString());
        // false: true drops the DISCONNECT packet and the client would retry forever (STACK.md, fix 5)
        socket.disconnect(false);
    }
}
