package org.audotics.realtime.channel.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.audotics.auth.api.AuthenticatedUser;
import org.eclipse.jetty.websocket.server.WebSocketServerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plain WebSocket at {@code /v1/realtime} (same events as Socket.IO, for clients without it). An exact-path
 * servlet upgraded with Jetty's own WebSocket API: a JSR-356 endpoint in the {@code /} context would restart that
 * context (STACK.md). The token is checked before the upgrade ({@code Authorization: Bearer}, or
 * {@code access_token} in the query for browsers, which cannot set headers on a WebSocket): 401, 429 or 426 in the
 * API's JSON error body.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/v1/realtime",
        "osgi.http.whiteboard.servlet.name=audotics-realtime-websocket",
        "osgi.http.whiteboard.servlet.asyncSupported=true"})
public final class PlainWebSocketServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ChannelHub hub;
    private transient WebSocketServerFactory webSockets;

    @Activate
    public PlainWebSocketServlet(@Reference ChannelHub hub) {
        this.hub = hub;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        ChannelConfig c = hub.config();
        webSockets = ChannelWebSockets.start(config.getServletContext(), c, c.idle_timeout_seconds() * 1000L, null);
    }

    @Override
    public void destroy() {
        ChannelWebSockets.stop(webSockets, "realtime");
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!webSockets.isUpgradeRequest(request, response)) {
            response.setHeader("Upgrade", "websocket");
            HttpErrors.write(request, response, 426, "upgrade_required", "GET /v1/realtime is a WebSocket: connect with Upgrade: websocket");
            return;
        }
        String authorization = request.getHeader("Authorization");
        String token = ConnectGuard.bearer(authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization)));
        if (token == null) {
            token = request.getParameter("access_token");
        }
        Optional<AuthenticatedUser> user = hub.authenticate(token);
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"audotics\"");
            HttpErrors.write(request, response, 401, ChannelError.UNAUTHORIZED,
                    token == null ? "no access token: send Authorization: Bearer <token> or ?access_token=" : "the access token is invalid or expired");
            return;
        }
        String userId = user.get().id();
        ChannelError refused = hub.admit(userId);
        if (refused != null) {
            HttpErrors.write(request, response, refused.status(), refused.code(), refused.getMessage());
            return;
        }
        String credential = token.strip();
        boolean upgraded = false;
        try {
            upgraded = webSockets.acceptWebSocket((upgrade, answer) -> new PlainWebSocket(hub, userId, credential), request, response);
        } finally {
            if (!upgraded) {
                hub.release(userId);
            }
        }
        if (!upgraded && !response.isCommitted()) {
            HttpErrors.write(request, response, 400, "invalid_request", "the WebSocket upgrade was refused");
        }
    }
}
