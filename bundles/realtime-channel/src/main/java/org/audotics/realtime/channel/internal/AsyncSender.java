package org.audotics.realtime.channel.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * Writes text frames without blocking (STACK.md, Socket.IO fix 3: a blocking write inside a broadcast let one
 * client that stopped reading hold up every other). Frames wait in Jetty's queue; a client with more than
 * {@code maxQueued} unwritten frames is closed ({@code slow_consumer}) instead of growing the heap.
 */
final class AsyncSender {

    private final Session session;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();

    AsyncSender(Session session, int maxQueued) {
        this.session = session;
        this.maxQueued = maxQueued;
    }

    void send(String text) {
        if (!session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            session.close(StatusCode.POLICY_VIOLATION, ChannelError.SLOW_CONSUMER + ": more than " + maxQueued + " messages waiting to be read");
            return;
        }
        session.getRemote().sendString(text, new WriteCallback() {
            @Override
            public void writeFailed(Throwable x) {
                queued.decrementAndGet();
            }

            @Override
            public void writeSuccess() {
                queued.decrementAndGet();
            }
        });
    }

    void close(int status, String reason) {
        session.close(status, reason);
    }
}
