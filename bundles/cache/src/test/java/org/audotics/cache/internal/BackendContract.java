package org.audotics.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every cache backend promises; each backend's test supplies the backend. */
abstract class BackendContract {

    abstract CacheBackend backend();

    private final String ns = UUID.randomUUID() + ":";

    @Test
    void storesAndReadsBack() {
        backend().put(ns + "a", "value", Duration.ofMinutes(1));
        assertEquals(Optional.of("value"), backend().get(ns + "a"));
    }

    @Test
    void getAllReadsThePresentKeysInOneCall() {
        backend().put(ns + "m1", "one", Duration.ofMinutes(1));
        backend().put(ns + "m2", "two", Duration.ofMinutes(1));
        assertEquals(java.util.Map.of(ns + "m1", "one", ns + "m2", "two"),
                backend().getAll(List.of(ns + "m1", ns + "absent", ns + "m2", ns + "m1")));
        assertEquals(java.util.Map.of(), backend().getAll(List.of()));
    }

    @Test
    void absentKeyIsAMiss() {
        assertEquals(Optional.empty(), backend().get(ns + "never-written"));
    }

    @Test
    void entriesExpireAfterTheirTtl() throws InterruptedException {
        backend().put(ns + "short", "v", Duration.ofMillis(50));
        backend().put(ns + "long", "v", Duration.ofMinutes(1));
        Thread.sleep(200);
        assertEquals(Optional.empty(), backend().get(ns + "short"));
        assertEquals(Optional.of("v"), backend().get(ns + "long"));
    }

    @Test
    void deleteRemovesOnlyTheGivenKeys() {
        backend().put(ns + "x", "1", Duration.ofMinutes(1));
        backend().put(ns + "y", "2", Duration.ofMinutes(1));
        backend().delete(List.of(ns + "x", ns + "absent"));
        assertEquals(Optional.empty(), backend().get(ns + "x"));
        assertEquals(Optional.of("2"), backend().get(ns + "y"));
    }

    @Test
    void rejectsZeroOrNegativeTtl() {
        assertThrows(IllegalArgumentException.class, () -> backend().put(ns + "z", "v", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> backend().put(ns + "z", "v", Duration.ofSeconds(-1)));
    }

    @Test
    void incrementCountsFromOneAndReadsBackAsText() {
        assertEquals(OptionalLong.of(1), backend().increment(ns + "n", Duration.ofMinutes(1)));
        assertEquals(OptionalLong.of(2), backend().increment(ns + "n", Duration.ofMinutes(1)));
        assertEquals(OptionalLong.of(3), backend().increment(ns + "n", Duration.ofMinutes(1)));
        assertEquals(Optional.of("3"), backend().get(ns + "n"));
        assertThrows(IllegalArgumentException.class, () -> backend().increment(ns + "n", Duration.ZERO));
    }

    @Test
    void concurrentIncrementsAreNeverLost() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var tasks = new java.util.ArrayList<java.util.concurrent.Callable<OptionalLong>>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> backend().increment(ns + "race", Duration.ofMinutes(1)));
            }
            var counts = new java.util.TreeSet<Long>();
            for (var result : pool.invokeAll(tasks)) {
                counts.add(result.get().orElseThrow());
            }
            assertEquals(200, counts.size(), "every increment answered a different count");
            assertEquals(200L, counts.last());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void laterIncrementsKeepTheFirstOnesExpiry() throws InterruptedException {
        backend().increment(ns + "window", Duration.ofMillis(300));
        Thread.sleep(150);
        backend().increment(ns + "window", Duration.ofMinutes(1));
        Thread.sleep(400);
        assertEquals(Optional.empty(), backend().get(ns + "window"), "the window ended 300 ms after its first increment");
        assertEquals(OptionalLong.of(1), backend().increment(ns + "window", Duration.ofMinutes(1)));
    }

    @Test
    void publishedMessagesReachSubscribersInOrderAndStopAfterClose() throws Exception {
        var received = new LinkedBlockingQueue<String>();
        var subscription = backend().subscribe(ns + "events", received::add);
        awaitSubscriptionActive(ns + "events");
        backend().publish(ns + "events", "one");
        backend().publish(ns + "events", "two");
        backend().publish(ns + "other", "not for us");
        assertEquals("one", received.poll(5, TimeUnit.SECONDS));
        assertEquals("two", received.poll(5, TimeUnit.SECONDS));
        subscription.close();
        backend().publish(ns + "events", "after close");
        assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aFailingListenerDoesNotStopOthers() throws Exception {
        var received = new LinkedBlockingQueue<String>();
        backend().subscribe(ns + "c", message -> {
            throw new IllegalStateException("listener bug");
        });
        backend().subscribe(ns + "c", received::add);
        awaitSubscriptionActive(ns + "c");
        backend().publish(ns + "c", "m1");
        backend().publish(ns + "c", "m2");
        assertEquals("m1", received.poll(5, TimeUnit.SECONDS));
        assertEquals("m2", received.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void reportsHealthy() {
        assertTrue(backend().health().up(), backend().health().detail());
    }

    /** Redis subscriptions are confirmed asynchronously; in-process ones are immediate. */
    void awaitSubscriptionActive(String channel) throws InterruptedException {
    }
}
