package org.audotics.storage.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Builds the HikariCP pool. The driver's own {@link DataSource} is handed to Hikari instead of a driver
 * class name, because {@code DriverManager} cannot see driver bundles from here.
 */
final class ConnectionPool {

    private ConnectionPool() {
    }

    static HikariDataSource open(ConnectionSettings settings, StorageConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("audotics");
        hikari.setDataSource(driverDataSource(settings));
        hikari.setMaximumPoolSize(config.pool_max_size());
        hikari.setMinimumIdle(Math.min(2, config.pool_max_size()));
        hikari.setConnectionTimeout(Math.max(250, config.connection_timeout_ms()));
        // Start even when the database is down: requests get 503 and /health/ready says why, and the
        // pool connects as soon as the database is back.
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    private static DataSource driverDataSource(ConnectionSettings settings) {
        if (settings.postgresql()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(settings.url());
            if (!settings.user().isEmpty()) {
                postgres.setUser(settings.user());
            }
            if (!settings.password().isEmpty()) {
                postgres.setPassword(settings.password());
            }
            postgres.setConnectTimeout(5);
            postgres.setApplicationName("audotics");
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.url());
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        return h2;
    }
}
