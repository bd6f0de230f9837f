package org.audotics.realtime.channel.internal;

import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import org.eclipse.jetty.websocket.api.WebSocketPolicy;
import org.eclipse.jetty.websocket.server.WebSocketServerFactory;
import org.eclipse.jetty.websocket.servlet.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Jetty WebSocket factory each transport's servlet upgrades with, sized by the channel's limits. */
final class ChannelWebSockets {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelWebSockets.class);
    /** Jetty's buffer for one text message; a larger message is assembled from several. */
    private static final int MAX_TEXT_BUFFER = 32768;

    private ChannelWebSockets() {
    }

    /**
     * @param creator the endpoint for each upgrade, or null when the servlet names one per upgrade
     * @return a started factory: messages up to {@code max.message.bytes}, closed after {@code idleMillis} of silence
     */
    static WebSocketServerFactory start(ServletContext context, ChannelConfig config, long idleMillis, WebSocketCreator creator)
            throws ServletException {
        WebSocketPolicy policy = WebSocketPolicy.newServerPolicy();
        policy.setMaxTextMessageSize(config.max_message_bytes());
        policy.setMaxTextMessageBufferSize(Math.min(config.max_message_bytes(), MAX_TEXT_BUFFER));
        policy.setMaxBinaryMessageSize(config.max_message_bytes());
        policy.setIdleTimeout(idleMillis);
        WebSocketServerFactory factory = new WebSocketServerFactory(context, policy);
        if (creator != null) {
            factory.setCreator(creator);
        }
        try {
            factory.start();
        } catch (Exception e) {
            throw new ServletException("cannot start the WebSocket factory", e);
        }
        return factory;
    }

    /** Stops the factory (a servlet's destroy); a failure is logged, the servlet goes anyway. */
    static void stop(WebSocketServerFactory factory, String transport) {
        try {
            if (factory != null) {
                factory.stop();
            }
        } catch (Exception e) {
            LOG.warn("stopping the {} WebSocket factory: {}", transport, e.toString());
        }
    }
}
