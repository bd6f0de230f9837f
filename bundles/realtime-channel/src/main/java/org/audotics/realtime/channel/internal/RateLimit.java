package org.audotics.realtime.channel.internal;

/**
 * A token bucket: {@code perSecond} tokens a second up to {@code burst}; each client message takes one. Not
 * thread-safe on its own: a connection calls it from its one reading thread, or under its lock.
 */
final class RateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimit(int perSecond, int burst, long nowNanos) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst are at least 1, were " + perSecond + " and " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** @return whether a message arriving at {@code nowNanos} is within the limit (and takes its token) */
    synchronized boolean take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
