package org.audotics.cache.internal;

import java.util.function.DoubleSupplier;
import org.audotics.metrics.api.Metrics;

/**
 * What the cache reports while a metrics bundle is there: {@code audotics_cache_requests_total{result=hit|miss}}
 * per key looked up (a {@code getAll} of ten keys counts ten), and {@code audotics_cache_up} (1 when the backend
 * answers: for Redis a PING at scrape time, bounded by {@code command.timeout.ms}).
 */
final class CacheMetrics {

    static final String REQUESTS = "audotics.cache.requests";
    static final String UP = "audotics.cache.up";

    private volatile Metrics sink;
    private volatile Metrics.Gauge up;

    synchronized void reportTo(Metrics metrics, DoubleSupplier backendUp) {
        stop();
        up = metrics.gauge(UP, "1 when the cache backend (Redis, or in-process) answers", backendUp);
        sink = metrics;
    }

    synchronized void stopReportingTo(Metrics metrics) {
        if (sink == metrics) {
            stop();
        }
    }

    synchronized void stop() {
        sink = null;
        Metrics.Gauge gauge = up;
        up = null;
        if (gauge != null) {
            gauge.close();
        }
    }

    void lookedUp(int hits, int misses) {
        Metrics metrics = sink;
        if (metrics == null) {
            return;
        }
        if (hits > 0) {
            metrics.count(REQUESTS, hits, "result", "hit");
        }
        if (misses > 0) {
            metrics.count(REQUESTS, misses, "result", "miss");
        }
    }
}
