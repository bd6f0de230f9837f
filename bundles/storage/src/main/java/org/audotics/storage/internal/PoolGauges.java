package org.audotics.storage.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.List;
import java.util.function.ToIntFunction;
import org.audotics.metrics.api.Metrics;

/**
 * The connection pool as an operator watches it: {@code audotics_db_pool_connections{state=active|idle|pending}}
 * (pending: threads waiting for a connection — above zero for long, the pool is too small or the database slow)
 * and {@code audotics_db_pool_max_connections}. Read from Hikari's own counters at scrape time.
 */
final class PoolGauges implements AutoCloseable {

    private final Metrics metrics;
    private final List<Metrics.Gauge> gauges;

    PoolGauges(Metrics metrics, HikariDataSource pool) {
        this.metrics = metrics;
        this.gauges = List.of(
                state(metrics, pool, "active", HikariPoolMXBean::getActiveConnections),
                state(metrics, pool, "idle", HikariPoolMXBean::getIdleConnections),
                state(metrics, pool, "pending", HikariPoolMXBean::getThreadsAwaitingConnection),
                metrics.gauge("audotics.db.pool.max.connections", "The most connections the pool opens (pool.max.size)",
                        pool::getMaximumPoolSize));
    }

    private static Metrics.Gauge state(Metrics metrics, HikariDataSource pool, String state, ToIntFunction<HikariPoolMXBean> read) {
        return metrics.gauge("audotics.db.pool.connections", "Database connections by state", () -> {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean(); // null until the pool first connects
            return bean == null ? 0 : read.applyAsInt(bean);
        }, "state", state);
    }

    boolean reportsTo(Metrics other) {
        return metrics == other;
    }

    @Override
    public void close() {
        gauges.forEach(Metrics.Gauge::close);
    }
}
