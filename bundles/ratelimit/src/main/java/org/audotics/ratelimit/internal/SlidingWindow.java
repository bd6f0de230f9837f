package org.audotics.ratelimit.internal;

/**
 * The sliding-window estimate of how many requests fell in the last window, from two fixed-window counters (the
 * current window's and the previous one's): the previous count is weighted by the share of the previous window
 * that still lies inside the sliding window. This is the "sliding window counter" that rate limiters at scale use
 * (two counters per key instead of a log of every request), and it needs only an atomic increment with expiry,
 * which the shared cache gives on every node.
 *
 * @param windowMillis length of a window
 * @param limit        requests allowed per window, at least 1
 */
record SlidingWindow(long windowMillis, int limit) {

    SlidingWindow {
        if (windowMillis < 1 || limit < 1) {
            throw new IllegalArgumentException("windowMillis and limit must be at least 1");
        }
    }

    /** The index of the fixed window holding {@code nowMillis}. */
    long index(long nowMillis) {
        return Math.floorDiv(nowMillis, windowMillis);
    }

    /**
     * @param previous  requests counted in the previous fixed window
     * @param current   requests counted in the current fixed window, this one included
     * @param nowMillis the time of this request
     * @return whether this request is within the limit
     */
    boolean allows(long previous, long current, long nowMillis) {
        // previous * (1 - elapsed / W) + current <= limit, multiplied out by W to stay in exact integers
        long elapsed = Math.floorMod(nowMillis, windowMillis);
        return previous * (windowMillis - elapsed) + current * windowMillis <= limit * windowMillis;
    }

    /** The estimated requests in the sliding window ending at {@code nowMillis}. */
    double estimate(long previous, long current, long nowMillis) {
        double elapsed = Math.floorMod(nowMillis, windowMillis) / (double) windowMillis;
        return previous * (1 - elapsed) + current;
    }

    /**
     * The whole seconds (at least 1) until one more request would be allowed, supposing nothing else is counted
     * meanwhile: later in this window if the previous window's weight fades enough, otherwise in the next window,
     * where today's count becomes the previous one.
     */
    long retryAfterSeconds(long previous, long current, long nowMillis) {
        long elapsed = Math.floorMod(nowMillis, windowMillis);
        long roomNow = limit - current - 1; // what the previous window's weighted count may still be
        long wait;
        if (roomNow >= 0) {
            // previous * (W - e) <= roomNow * W  <=>  e >= W - roomNow * W / previous
            long fitsFrom = previous == 0 ? 0 : windowMillis - Math.floorDiv(roomNow * windowMillis, previous);
            wait = Math.max(0, fitsFrom - elapsed);
        } else {
            // in the next window: current * (W - g) + W <= limit * W  <=>  g >= W - (limit - 1) * W / current
            long fitsFrom = Math.max(0, windowMillis - Math.floorDiv((limit - 1) * windowMillis, current));
            wait = windowMillis - elapsed + fitsFrom;
        }
        return Math.max(1, (wait + 999) / 1000);
    }
}
