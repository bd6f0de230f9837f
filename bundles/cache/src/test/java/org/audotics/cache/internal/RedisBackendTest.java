package org.audotics.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.audotics.testservices.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis backend against a real Redis: AUDOTICS_TEST_REDIS_URI when set, else database 15 of the tests' Redis
 * ({@link TestRedis}: the one configured by {@code audotics.it.redis.uri} when it answers, else one started for the run).
 */
class RedisBackendTest extends BackendContract {

    private static RedisBackend backend;
    /** A client of its own, to ask the server about subscriptions. */
    private static io.lettuce.core.RedisClient probe;

    @BeforeAll
    static void connect() throws InterruptedException {
        String uri = Optional.ofNullable(System.getenv("AUDOTICS_TEST_REDIS_URI")).orElseGet(() -> TestRedis.server().uri(15));
        backend = new RedisBackend(uri, "audotics-test:", Duration.ofSeconds(2));
        probe = io.lettuce.core.RedisClient.create(uri);
        for (int i = 0; i < 100 && !backend.health().up(); i++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void close() {
        backend.close();
        probe.shutdown();
    }

    @Override
    CacheBackend backend() {
        return backend;
    }

    @Override
    void awaitSubscriptionActive(String channel) throws InterruptedException {
        // the server counts the subscription once it has processed SUBSCRIBE: ask it, rather than sleep a
        // guess that a loaded machine outlasts
        String key = "audotics-test:" + channel;
        try (var connection = probe.connect()) {
            for (int i = 0; i < 200; i++) {
                Long subscribers = connection.sync().pubsubNumsub(key).get(key);
                if (subscribers != null && subscribers > 0) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("channel " + key + " has no subscriber after 10 s");
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
