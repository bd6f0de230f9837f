package org.audotics.ratelimit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.audotics.ratelimit.api.Decision;
import org.audotics.ratelimit.api.RouteGroup;
import org.audotics.ratelimit.api.Requester;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private final MovableClock clock = new MovableClock(999_999_990_000L); // at a window's start (30 s windows)
    private final CountingCache cache = new CountingCache(clock);

    @Test
    void aTokenGetsItsLimitThenA429WithTheSecondsToWait() {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 5, 100));
        Requester alice = new Requester("user:alice", "10.0.0.1");
        for (int i = 0; i < 5; i++) {
            Decision decision = limiter.acquire(RouteGroup.READS, alice);
            assertTrue(decision.allowed(), "request " + (i + 1));
            assertEquals(5, decision.limit());
        }
        Decision refused = limiter.acquire(RouteGroup.READS, alice);
        assertFalse(refused.allowed());
        assertEquals("token", refused.limitedBy());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60, "" + refused.retryAfterSeconds());
    }

    @Test
    void waitingTheGivenSecondsLetsTheNextRequestThrough() {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 5, 100));
        Requester alice = new Requester("user:alice", "10.0.0.1");
        clock.advance(12_345);
        Decision refused = null;
        for (int i = 0; i < 7 && (refused == null || refused.allowed()); i++) {
            refused = limiter.acquire(RouteGroup.READS, alice);
        }
        assertFalse(refused.allowed());
        clock.advance(refused.retryAfterSeconds() * 1000);
        assertTrue(limiter.acquire(RouteGroup.READS, alice).allowed());
    }

    @Test
    void tokensAndGroupsAreCountedApart() {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 2, 100));
        Requester alice = new Requester("user:alice", "10.0.0.1");
        Requester bob = new Requester("user:bob", "10.0.0.1");
        limiter.acquire(RouteGroup.READS, alice);
        limiter.acquire(RouteGroup.READS, alice);
        assertFalse(limiter.acquire(RouteGroup.READS, alice).allowed());
        assertTrue(limiter.acquire(RouteGroup.READS, bob).allowed(), "another token on the same address");
        assertTrue(limiter.acquire(RouteGroup.WRITES, alice).allowed(), "writes have their own count");
    }

    @Test
    void anAddressIsLimitedWhateverTheTokens() {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 100, 3));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire(RouteGroup.READS, new Requester("user:u" + i, "10.0.0.9")).allowed());
        }
        Decision refused = limiter.acquire(RouteGroup.READS, Requester.anonymous("10.0.0.9"));
        assertFalse(refused.allowed());
        assertEquals("address", refused.limitedBy());
        assertEquals(3, refused.limit());
        assertTrue(limiter.acquire(RouteGroup.READS, Requester.anonymous("10.0.0.10")).allowed());
    }

    @Test
    void theOldWindowFadesOut() {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 10, 1000));
        Requester alice = new Requester("user:alice", "10.0.0.1");
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.acquire(RouteGroup.READS, alice).allowed());
        }
        clock.advance(30_000 + 3_000); // 10 % into the next window: 9 of the previous 10 still count
        assertTrue(limiter.acquire(RouteGroup.READS, alice).allowed());  // 9 + 1
        assertFalse(limiter.acquire(RouteGroup.READS, alice).allowed()); // 9 + 2
        clock.advance(60_000); // two windows later nothing is left
        assertTrue(limiter.acquire(RouteGroup.READS, alice).allowed());
    }

    @Test
    void offOrZeroMeansNothingIsCounted() {
        SlidingWindowRateLimiter off = limiter(config(false, 30, 1, 1));
        for (int i = 0; i < 10; i++) {
            assertTrue(off.acquire(RouteGroup.READS, new Requester("user:a", "10.0.0.1")).allowed());
        }
        SlidingWindowRateLimiter zero = limiter(config(true, 30, 0, 0));
        for (int i = 0; i < 10; i++) {
            assertEquals(Decision.unlimited(), zero.acquire(RouteGroup.READS, new Requester("user:a", "10.0.0.1")));
        }
        assertEquals(0, cache.size());
    }

    @Test
    void unreachableCountersLetRequestsThrough() {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 1, 1));
        cache.down = true;
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire(RouteGroup.READS, new Requester("user:a", "10.0.0.1")).allowed());
        }
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheLimit() throws Exception {
        SlidingWindowRateLimiter limiter = limiter(config(true, 30, 100, 10_000));
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (limiter.acquire(RouteGroup.WRITES, new Requester("user:shared", "10.0.0.1")).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, allowed.get());
    }

    @Test
    void badConfigurationIsRefusedWithTheKey() {
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> limiter(config(true, 0, 1, 1)));
        assertTrue(window.getMessage().contains("window.seconds"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> limiter(config(true, 30, -1, 1)));
        assertTrue(negative.getMessage().contains("per.token"), negative.getMessage());
    }

    private SlidingWindowRateLimiter limiter(RateLimitConfig config) {
        return new SlidingWindowRateLimiter(cache, config, clock);
    }

    /** Every group gets the same two limits, to keep the tests short. */
    static RateLimitConfig config(boolean enabled, int windowSeconds, int perToken, int perAddress) {
        return new RateLimitConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RateLimitConfig.class; }
            @Override public boolean enabled() { return enabled; }
            @Override public int window_seconds() { return windowSeconds; }
            @Override public int reads_per_token() { return perToken; }
            @Override public int reads_per_address() { return perAddress; }
            @Override public int writes_per_token() { return perToken; }
            @Override public int writes_per_address() { return perAddress; }
            @Override public int uploads_per_token() { return perToken; }
            @Override public int uploads_per_address() { return perAddress; }
            @Override public int signin_per_token() { return perToken; }
            @Override public int signin_per_address() { return perAddress; }
        };
    }
}
