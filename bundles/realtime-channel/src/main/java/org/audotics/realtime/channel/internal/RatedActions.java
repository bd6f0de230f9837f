package org.audotics.realtime.channel.internal;

/**
 * One Socket.IO client's messages on their way to the hub: each is counted against the connection's rate limit
 * as it arrives (on the library's thread, in arrival order) and run later, in order, by {@link SerialActions}. The
 * first message over the limit cuts the client off, and the messages queued before it that have not started yet
 * are dropped unanswered. Run, they held a pool thread and their session's lock for a whole burst (40 votes, over a
 * second on a loaded machine) before the disconnect went out, while the client kept sending and the library kept
 * decoding every message: benchmarks/realtime-fanout.sh with FLOODERS doubled the other members' latency that way
 * (docs/performance.md). Now a flood costs the one action already running.
 */
final class RatedActions {

    private final Connection connection;
    private final SerialActions actions;

    RatedActions(Connection connection, SerialActions actions) {
        this.connection = connection;
        this.actions = actions;
    }

    /**
     * @param action runs the message, after every message received before it, unless the client was cut off first
     * @param cutOff tells the client why and disconnects it: run once, for the first message over the limit
     */
    void received(Runnable action, Runnable cutOff) {
        if (connection.withinRate()) {
            actions.submit(() -> {
                if (!connection.isCutOff()) {
                    action.run();
                }
            });
        } else if (connection.firstOverRate()) {
            actions.submit(cutOff);
        }
    }

    /** Runs {@code last} after everything received before it, cut off or not (the connection's release). */
    void then(Runnable last) {
        actions.submit(last);
    }
}
