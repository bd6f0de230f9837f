package org.audotics.storage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database (127.0.0.1:5432 postgres/postgres unless the system properties
 * {@code audotics.it.postgres.*} say otherwise) with the storage bundle's own pool on it, dropped by {@link #close()}.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String ADMIN_URL = System.getProperty("audotics.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("audotics.it.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("audotics.it.postgres.password", "postgres");

    private final String name = "audotics_recommender_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final PooledDatabase database;

    public PostgresTestDatabase() throws SQLException {
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
