package org.audotics.realtime.channel.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hub's re-check of every open connection's access token every few seconds. A connection outlives the
 * token it was opened with (an hour by default) and its user may sign out or be deleted meanwhile: without a
 * re-check an idle listener would go on receiving a session's events on a dead credential.
 */
final class TokenRecheck {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRecheck.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "audotics-channel-token-check");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> scheduled;

    /** Runs {@code check} every {@code seconds} from now on, replacing the earlier schedule; 0 stops it. */
    synchronized void every(int seconds, Runnable check) {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (seconds > 0) {
            scheduled = timer.scheduleWithFixedDelay(() -> {
                try {
                    check.run();
                } catch (RuntimeException e) {
                    // a failed round must not end the schedule: the next one tries again
                    LOG.warn("channel: re-checking the connections' tokens failed: {}", e.toString());
                }
            }, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    void stop() {
        timer.shutdownNow();
    }
}
