package org.audotics.cache.internal;

import java.time.Duration;

/** The one rule both backends apply to a time to live. */
final class TtlCheck {

    private TtlCheck() {
    }

    static void requirePositive(Duration ttl) {
        if (ttl.isZero() || ttl.isNegative() || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
        }
    }
}
