package org.audotics.realtime.channel.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Socket.IO client's actions, run one after another in arrival order on a shared pool instead of on the
 * thread that received them. The library calls us while it holds the socket's own lock (a polling POST is
 * decoded and dispatched inside it), and an action takes the {@link Connection}'s lock to acknowledge; an event
 * delivered meanwhile holds the connection's lock and waits for the socket's: run in place, the two deadlocked and
 * the client heard nothing more (seen as a lost acknowledgement in RealtimeIT). Off that thread, every path takes
 * the connection's lock first and the socket's second.
 */
final class SerialActions {

    private static final Logger LOG = LoggerFactory.getLogger(SerialActions.class);

    private final Executor pool;
    /** Guards {@link #tail}; never the connection's lock, which the receiving thread must not take. */
    private final Object lock = new Object();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    SerialActions(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code action} after every action submitted before it; a failing action does not stop the next. */
    void submit(Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("channel: a client action failed: {}", e.toString());
            }
        };
        synchronized (lock) {
            tail = tail.thenRunAsync(guarded, pool);
        }
    }
}
