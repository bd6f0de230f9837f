package org.audotics.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.audotics.metrics.api.Metrics;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class PoolGaugesTest {

    /** Keeps the gauges as the metrics bundle would, keyed "name state". */
    static final class GaugeBoard implements Metrics {
        final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

        @Override
        public void time(String name, long nanos, String... tags) {
        }

        @Override
        public void count(String name, double amount, String... tags) {
        }

        @Override
        public Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
            String key = name + (tags.length == 2 ? " " + tags[1] : "");
            gauges.put(key, value);
            return () -> gauges.remove(key);
        }
    }

    @Test
    void theGaugesFollowThePoolAndLeaveWhenClosed() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pool-gauges;DB_CLOSE_DELAY=-1");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            GaugeBoard board = new GaugeBoard();
            PoolGauges gauges = new PoolGauges(board, pool);
            assertEquals(3.0, board.gauges.get("audotics.db.pool.max.connections").getAsDouble());
            try (Connection held = pool.getConnection()) {
                assertEquals(1.0, board.gauges.get("audotics.db.pool.connections active").getAsDouble());
                assertEquals(0.0, board.gauges.get("audotics.db.pool.connections pending").getAsDouble());
            }
            assertEquals(0.0, board.gauges.get("audotics.db.pool.connections active").getAsDouble());
            assertTrue(board.gauges.get("audotics.db.pool.connections idle").getAsDouble() >= 1.0);
            gauges.close();
            assertTrue(board.gauges.isEmpty(), board.gauges.keySet().toString());
        }
    }
}
