package org.audotics.cache.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a recurring failure at most once per interval: while Redis is down every request would otherwise
 * add a line, burying everything else in the log.
 */
final class FailureLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

    FailureLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** @return whether this call wrote a log line */
    boolean record(String message, Throwable cause) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last < intervalNanos || !lastLogged.compareAndSet(last, now)) {
            return false;
        }
        log.warn("{}{}", message, cause == null ? "" : ": " + cause.getMessage());
        return true;
    }
}
