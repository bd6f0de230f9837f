package org.audotics.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis backend against a real Redis (AUDOTICS_TEST_REDIS_URI, default redis://127.0.0.1:6379/15,
 * started by .ci/run where missing).
 */
class RedisBackendTest extends BackendContract {

    private static RedisBackend backend;

    @BeforeAll
    static void connect() throws InterruptedException {
        String uri = System.getenv().getOrDefault("AUDOTICS_TEST_REDIS_URI", "redis://127.0.0.1:6379/15");
        backend = new RedisBackend(uri, "audotics-test:", Duration.ofSeconds(2));
        for (int i = 0; i < 100 && !backend.health().up(); i++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Override
    CacheBackend backend() {
        return backend;
    }

    @Override
    void awaitSubscriptionActive() throws InterruptedException {
        Thread.sleep(200);
    }

    @Test
    void unreachableRedisMeansMissesAndADownHealthNotErrors() {
        var nowhere = new RedisBackend("redis://127.0.0.1:1/0", "x:", Duration.ofMillis(200));
        try {
            nowhere.put("k", "v", Duration.ofMinutes(1));
            assertEquals(Optional.empty(), nowhere.get("k"));
            assertEquals(java.util.OptionalLong.empty(), nowhere.increment("k", Duration.ofMinutes(1)));
            assertFalse(nowhere.health().up());
        } finally {
            nowhere.close();
        }
    }

    @Test
    void malformedUriIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new RedisBackend("http://not-redis", "x:", Duration.ofSeconds(1)));
    }
}
