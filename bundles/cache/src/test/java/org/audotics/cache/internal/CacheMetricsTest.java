package org.audotics.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.audotics.metrics.api.Metrics;
import org.junit.jupiter.api.Test;

class CacheMetricsTest {

    static final class Board implements Metrics {
        final Map<String, Double> counts = new ConcurrentHashMap<>();
        final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

        @Override
        public void time(String name, long nanos, String... tags) {
        }

        @Override
        public void count(String name, double amount, String... tags) {
            counts.merge(name + " " + String.join(",", tags), amount, Double::sum);
        }

        @Override
        public Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
            gauges.put(name, value);
            return () -> gauges.remove(name);
        }
    }

    @Test
    void hitsAndMissesAreCountedPerKeyAndTheUpGaugeComesAndGoes() {
        CacheMetrics metrics = new CacheMetrics();
        metrics.lookedUp(1, 0); // before any metrics bundle: nothing to report to, nothing fails
        Board board = new Board();
        metrics.reportTo(board, () -> 1);
        metrics.lookedUp(1, 0);
        metrics.lookedUp(0, 1);
        metrics.lookedUp(7, 3);
        assertEquals(8.0, board.counts.get("audotics.cache.requests result,hit"));
        assertEquals(4.0, board.counts.get("audotics.cache.requests result,miss"));
        assertEquals(1.0, board.gauges.get(CacheMetrics.UP).getAsDouble());
        metrics.stopReportingTo(new Board());
        assertTrue(board.gauges.containsKey(CacheMetrics.UP), "another registry leaving does not stop this one");
        metrics.stopReportingTo(board);
        assertTrue(board.gauges.isEmpty());
        metrics.lookedUp(5, 5);
        assertEquals(8.0, board.counts.get("audotics.cache.requests result,hit"));
    }

    @Test
    void aGetAllCountsEachKey() {
        Board board = new Board();
        ConfiguredCache cache = new ConfiguredCache(inProcess());
        cache.bindMetrics(board);
        cache.put("a", "1", java.time.Duration.ofMinutes(1));
        cache.getAll(List.of("a", "b", "c"));
        cache.get("a");
        assertEquals(2.0, board.counts.get("audotics.cache.requests result,hit"));
        assertEquals(2.0, board.counts.get("audotics.cache.requests result,miss"));
        assertEquals(1.0, board.gauges.get(CacheMetrics.UP).getAsDouble());
        cache.deactivate();
        assertTrue(board.gauges.isEmpty());
    }

    /** The defaults with no Redis URI: the in-process backend. */
    private static CacheConfig inProcess() {
        return (CacheConfig) java.lang.reflect.Proxy.newProxyInstance(CacheConfig.class.getClassLoader(), new Class<?>[] {CacheConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
    }
}
