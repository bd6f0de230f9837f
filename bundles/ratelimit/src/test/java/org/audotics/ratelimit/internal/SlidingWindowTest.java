package org.audotics.ratelimit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final long W = 10_000;

    @Test
    void thePreviousWindowWeighsByTheShareStillInside() {
        SlidingWindow window = new SlidingWindow(W, 10);
        long quarterIn = 5 * W + W / 4;
        assertEquals(8 * 0.75 + 3, window.estimate(8, 3, quarterIn), 1e-9);
        assertTrue(window.allows(8, 4, quarterIn));   // 6 + 4 = 10
        assertFalse(window.allows(8, 5, quarterIn));  // 6 + 5 = 11
        assertEquals(5, window.index(quarterIn));
    }

    @Test
    void aFreshWindowAllowsUpToTheLimit() {
        SlidingWindow window = new SlidingWindow(W, 3);
        assertTrue(window.allows(0, 3, 0));
        assertFalse(window.allows(0, 4, 0));
    }

    @Test
    void retryAfterIsWhenTheNextRequestFitsAndNotBefore() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            int limit = 1 + random.nextInt(50);
            SlidingWindow window = new SlidingWindow(W, limit);
            long previous = random.nextInt(3 * limit);
            long current = 1 + random.nextInt(3 * limit);
            long now = 7 * W + random.nextInt((int) W);
            if (window.allows(previous, current, now)) {
                continue;
            }
            long retry = window.retryAfterSeconds(previous, current, now);
            assertTrue(retry >= 1);
            long then = now + retry * 1000;
            assertTrue(fits(window, previous, current, now, then),
                    "after " + retry + " s one more request fits: limit " + limit + ", counts " + previous + "/" + current);
            if (retry > 1) {
                // a second earlier it did not fit: the answer is not padded by a second or more
                assertFalse(fits(window, previous, current, now, now + (retry - 1) * 1000), "too long a wait: " + retry);
            }
        }
    }

    /** Whether one more request at {@code then} fits, the counts having moved to the next window if it began. */
    private static boolean fits(SlidingWindow window, long previous, long current, long now, long then) {
        long shift = window.index(then) - window.index(now);
        if (shift == 0) {
            return window.allows(previous, current + 1, then);
        }
        if (shift == 1) {
            return window.allows(current, 1, then);
        }
        return true;
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(W, 0));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindow(0, 1));
    }
}
