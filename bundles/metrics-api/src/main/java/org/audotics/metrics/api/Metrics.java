package org.audotics.metrics.api;

import java.util.function.DoubleSupplier;

/**
 * Records measurements under a name and tags (alternating keys and values, an even number of them). Every method
 * is cheap and thread-safe, and never throws for a measurement: a bad name or odd tags are refused with
 * {@link IllegalArgumentException} at the call, which a test finds, rather than lost at scrape time.
 */
public interface Metrics {

    /**
     * One timed event of {@code nanos}: a histogram in seconds ({@code <name>_seconds_bucket/_count/_sum}), buckets
     * from 1 ms to 60 s.
     */
    void time(String name, long nanos, String... tags);

    /** Adds {@code amount} (≥ 0) to a counter ({@code <name>_total}). */
    void count(String name, double amount, String... tags);

    /**
     * A value sampled when metrics are read (pool sizes, queue depth, whether Redis answers). The value is read on
     * the scraping thread, so it must be cheap and must not block. The gauge stays until {@link Gauge#close} (call
     * it when its owner deactivates, so a replaced component does not leave a stale series behind).
     */
    Gauge gauge(String name, String description, DoubleSupplier value, String... tags);

    /** A registered gauge; closing it removes the series. */
    interface Gauge extends AutoCloseable {
        @Override
        void close();
    }
}
