package org.audotics.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh PostgreSQL database for one server, dropped afterwards. */
final class TestDatabase implements AutoCloseable {

    private static final String ADMIN_URL = System.getProperty("audotics.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getProperty("audotics.it.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("audotics.it.postgres.password", "postgres");

    final String name = "audotics_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String url;

    TestDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
