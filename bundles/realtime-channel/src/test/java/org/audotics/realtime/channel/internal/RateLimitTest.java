package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void allowsTheBurstAtOnceThenTheSustainedRate() {
        RateLimit limit = new RateLimit(10, 5, 0);
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            if (limit.take(0)) {
                allowed++;
            }
        }
        assertEquals(5, allowed, "the burst, no more, at one instant");
        assertFalse(limit.take(50_000_000L), "half a token after 50 ms at 10/s");
        assertTrue(limit.take(100_000_000L), "a whole token after 100 ms");
        assertFalse(limit.take(100_000_000L));
    }

    @Test
    void refillsNoFurtherThanTheBurst() {
        RateLimit limit = new RateLimit(10, 3, 0);
        long later = 60_000_000_000L;
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (limit.take(later)) {
                allowed++;
            }
        }
        assertEquals(3, allowed);
    }
}
