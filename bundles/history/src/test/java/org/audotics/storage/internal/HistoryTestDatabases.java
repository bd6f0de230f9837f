package org.audotics.storage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for the history's store tests, through the storage bundle's own pool
 * (127.0.0.1:5432 postgres/postgres unless the system properties {@code audotics.it.postgres.*} say otherwise),
 * dropped by {@link #close()}.
 */
public final class HistoryTestDatabases implements AutoCloseable {

    private static final String ADMIN_URL = System.getProperty("audotics.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("audotics.it.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("audotics.it.postgres.password", "postgres");

    private final String name = "audotics_history_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final PooledDatabase database;

    public HistoryTestDatabases() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        database = new PooledDatabase(new TestStorageConfig(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name, USER, PASSWORD));
    }

    @Override
    public void close() throws SQLException {
        database.close();
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
