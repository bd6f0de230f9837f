package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.websocket.server.WebSocketServerFactory;
import org.json.JSONObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket.IO v4 at {@code /socket.io/}, namespace {@value ConnectGuard#NAMESPACE}, for the official
 * {@code socket.io-client} (long polling, upgraded to WebSocket). The library (socket.io-server 4.1.2 over
 * engine.io-server 6.2.1, embedded) does the protocol; around it, the fixes of STACK.md: a buffered, capped polling
 * body, asynchronous bounded WebSocket writes, no use of the library's unsynchronised room listing (the hub keeps
 * the rooms), {@code disconnect(false)}, and the token checked on CONNECT ({@link ConnectGuard}).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/socket.io/*",
        "osgi.http.whiteboard.servlet.name=audotics-socket-io",
        "osgi.http.whiteboard.servlet.asyncSupported=true"})
public final class SocketIoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoServlet.class);
    /** Engine.io's separator of packets in one long-polling body. */
    private static final String RECORD_SEPARATOR = "\u001e";
    /** An engine.io no-op packet, in place of a refused one. */
    private static final String ENGINE_IO_NOOP = "6";
    /** Actions mostly wait on the database: a few threads serve every connection, each connection in order. */
    private static final int ACTION_THREADS = 8;

    private final transient ChannelHub hub;
    private final transient ConnectGuard guard;
    private final transient EngineIoServer engine;
    private final transient Map<String, EngineIoSocket> pollingSockets = new ConcurrentHashMap<>();
    /** Runs the clients' actions off the library's locked threads ({@link SerialActions} says why). */
    private final transient ExecutorService actionPool = Executors.newFixedThreadPool(ACTION_THREADS, new ActionThreads());
    private transient WebSocketServerFactory webSockets;

    @Activate
    public SocketIoServlet(@Reference ChannelHub hub) {
        this.hub = hub;
        this.guard = new ConnectGuard(hub);
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        // CORS is the http bundle's filter's business, for every path alike
        options.setCorsHandlingDisabled(true);
        this.engine = new EngineIoServer(options);
        engine.on("connection", args -> {
            EngineIoSocket socket = (EngineIoSocket) args[0];
            pollingSockets.put(socket.getId(), socket);
            socket.on("close", closeArgs -> pollingSockets.remove(socket.getId()));
        });
        SocketIoNamespace namespace = new SocketIoServer(engine).namespace(ConnectGuard.NAMESPACE);
        namespace.on("connection", args -> connected((SocketIoSocket) args[0]));
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        ChannelConfig c = hub.config();
        // engine.io pings every 25 s and gives up after 20 s more: a silent socket is dead
        webSockets = ChannelWebSockets.start(config.getServletContext(), c, 60_000,
                (request, response) -> new EngineIoJettySocket(engine, guard, c.send_queue_max_messages()));
    }

    @Override
    public void destroy() {
        ChannelWebSockets.stop(webSockets, "Socket.IO");
        super.destroy();
    }

    @Deactivate
    void deactivate() {
        engine.shutdown();
        actionPool.shutdown();
    }

    /** Named daemon threads, so a thread dump shows whose they are and a stopping bundle never waits on them. */
    private static final class ActionThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable action) {
            Thread thread = new Thread(action, "audotics-socket-io-actions-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (webSockets != null && webSockets.isUpgradeRequest(request, response)) {
            if (webSockets.acceptWebSocket(request, response) || response.isCommitted()) {
                return;
            }
        }
        if ("POST".equals(request.getMethod())) {
            int limit = hub.config().max_message_bytes();
            byte[] body = BufferedBodyRequest.read(request, limit);
            if (body == null) {
                HttpErrors.write(request, response, 413, ChannelError.MESSAGE_TOO_LARGE, "a Socket.IO polling body holds at most " + limit + " bytes");
                return;
            }
            String sid = request.getParameter("sid");
            String filtered = guarded(new String(body, StandardCharsets.UTF_8), sid, headers(request));
            engine.handleRequest(new BufferedBodyRequest(request, filtered.getBytes(StandardCharsets.UTF_8)), response);
            return;
        }
        engine.handleRequest(request, response);
    }

    /** The polling body with every refused CONNECT replaced by a no-op (its refusal goes out with the next poll). */
    private String guarded(String body, String sid, Map<String, List<String>> headers) {
        if (!body.contains("40" + ConnectGuard.NAMESPACE)) {
            return body;
        }
        EngineIoSocket socket = sid == null ? null : pollingSockets.get(sid);
        String[] packets = body.split(RECORD_SEPARATOR, -1);
        for (int i = 0; i < packets.length; i++) {
            String passed = guard.inbound(packets[i], headers, reply -> {
                if (socket != null) {
                    socket.send(new Packet<>(Packet.MESSAGE, reply.substring(1)));
                }
            });
            packets[i] = passed == null ? ENGINE_IO_NOOP : passed;
        }
        return String.join(RECORD_SEPARATOR, packets);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null ? Map.of() : Map.of("Authorization", Collections.singletonList(authorization));
    }

    private void connected(SocketIoSocket socket) {
        Object data = socket.getConnectData();
        ConnectGuard.Admitted admitted = data instanceof JSONObject json ? guard.redeem(json.optString("ticket", null)) : null;
        if (admitted == null) {
            // only a CONNECT that passed the guard carries a ticket
            socket.disconnect(false);
            return;
        }
        SocketIoConnection connection = new SocketIoConnection(socket, admitted.userId(), admitted.token(), hub.newRateLimit());
        hub.opened(connection);
        RatedActions actions = new RatedActions(connection, new SerialActions(actionPool));
        socket.on("disconnect", args -> actions.then(() -> hub.closed(connection)));
        // counted now, in arrival order; acted on off this thread, which holds the socket's lock
        socket.registerAllEventListener((name, args) -> actions.received(() -> received(connection, name, args), () -> cutOff(connection)));
    }

    private void cutOff(SocketIoConnection connection) {
        LOG.info("channel: user {} sent more than {} messages a second: disconnected", connection.userId(), hub.config().messages_per_second());
        hub.cutOff(connection.userId());
        connection.disconnect(ChannelError.RATE_LIMITED, "more than " + hub.config().messages_per_second() + " messages a second: disconnected");
    }

    private void received(SocketIoConnection connection, String name, Object[] args) {
        SocketIoSocket.ReceivedByLocalAcknowledgementCallback callback = args.length > 0
                && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback c ? c : null;
        JsonNode arguments = args.length > 0 && args[0] instanceof JSONObject json ? ChannelJson.parse(json.toString()) : null;
        hub.handle(connection, name, arguments, ack -> {
            synchronized (connection) {
                if (callback != null) {
                    callback.sendAcknowledgement(new JSONObject(ack.toString()));
                } else if (!ack.get("ok").asBoolean()) {
                    connection.send(SocketIoConnection.ERROR_EVENT, ack.get("error").toString());
                }
            }
        });
    }
}
