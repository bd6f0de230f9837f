package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failed sign-ins counted per email and per address in fixed windows, on a clock the test moves. */
class SignInLimiterTest {

    private final TokenFixture.TestClock clock = new TokenFixture.TestClock(); // 12:00:00, a window start
    private final CountingCache cache = new CountingCache();
    private final SignInLimiter limiter = new SignInLimiter(cache, 3, 5, 900, clock);

    private static void assertRefused(long retryAfter, Runnable check) {
        OAuthError e = assertThrows(OAuthError.class, check::run);
        assertEquals(429, e.status());
        assertEquals("too_many_attempts", e.error());
        assertEquals(retryAfter, e.retryAfterSeconds());
    }

    @Test
    void theMaximumOfFailuresForAnEmailBlocksItUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            limiter.check("ada@example.com", "192.0.2.1");
            limiter.failed("ada@example.com", "192.0.2.1");
        }
        clock.advance(Duration.ofSeconds(100));
        assertRefused(800, () -> limiter.check("ada@example.com", "192.0.2.1"));
        assertRefused(800, () -> limiter.check(" ADA@Example.com", "198.51.100.9"));
        limiter.check("grace@example.com", "192.0.2.1");
        clock.advance(Duration.ofSeconds(800));
        limiter.check("ada@example.com", "192.0.2.1");
    }

    @Test
    void theMaximumOfFailuresFromAnAddressBlocksEveryEmailFromIt() {
        for (int i = 0; i < 5; i++) {
            String email = "user" + i + "@example.com";
            limiter.check(email, "192.0.2.1");
            limiter.failed(email, "192.0.2.1");
        }
        assertRefused(900, () -> limiter.check("someone-else@example.com", "192.0.2.1"));
        limiter.check("someone-else@example.com", "198.51.100.9");
    }

    @Test
    void aSuccessClearsTheEmailsCountButNotTheAddresss() {
        limiter.failed("ada@example.com", "192.0.2.1");
        limiter.failed("ada@example.com", "192.0.2.1");
        limiter.succeeded("ada@example.com");
        limiter.failed("ada@example.com", "192.0.2.1");
        limiter.failed("ada@example.com", "192.0.2.1");
        limiter.check("ada@example.com", "192.0.2.1");
        limiter.failed("ada@example.com", "192.0.2.1");
        assertRefused(900, () -> limiter.check("other@example.com", "192.0.2.1"));
    }

    @Test
    void theCountersNameNoEmailAndExpireAtTheWindowsEnd() {
        clock.advance(Duration.ofSeconds(60));
        limiter.failed("ada@example.com", "192.0.2.1");
        assertEquals(2, cache.values.size());
        cache.values.keySet().forEach(key -> assertEquals(false, key.contains("ada"), key));
    }

    @Test
    void withTheCacheUnreachableNothingIsCountedAndNoSignInIsRefused() {
        cache.down = true;
        for (int i = 0; i < 10; i++) {
            limiter.failed("ada@example.com", "192.0.2.1");
        }
        limiter.check("ada@example.com", "192.0.2.1");
    }

    @Test
    void refusesAConfigurationOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new SignInLimiter(cache, 0, 5, 900, clock));
        assertThrows(IllegalArgumentException.class, () -> new SignInLimiter(cache, 3, 0, 900, clock));
        assertThrows(IllegalArgumentException.class, () -> new SignInLimiter(cache, 3, 5, 0, clock));
        assertThrows(IllegalArgumentException.class, () -> new SignInLimiter(cache, 3, 5, 86_401, clock));
    }
}
