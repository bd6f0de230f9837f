package org.audotics.testservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use, as an admin account that may create and drop databases.
 *
 * <p>It is the server at {@code audotics.it.postgres.url} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres})
 * with {@code audotics.it.postgres.user}/{@code .password} (default postgres/postgres) when that address answers.
 * When nothing answers there, the first call starts a real PostgreSQL 16 (zonky's binaries) on a free port, with
 * trust authentication, for the rest of the JVM; it says so on standard output.
 */
public final class TestPostgres {

    private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** Two Karaf nodes with their pools and the tests' own connections stay well under it. */
    private static final String MAX_CONNECTIONS = "300";

    private static TestPostgres server;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final boolean started;

    private TestPostgres(String adminUrl, String user, String password, boolean started) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.started = started;
    }

    /** The configured server when it answers, else one started here (once per JVM). */
    public static synchronized TestPostgres server() {
        if (server == null) {
            server = resolve();
        }
        return server;
    }

    private static TestPostgres resolve() {
        return resolve(System.getProperty("audotics.it.postgres.url", DEFAULT_ADMIN_URL),
                System.getProperty("audotics.it.postgres.user", "postgres"),
                System.getProperty("audotics.it.postgres.password", "postgres"));
    }

    /** The server at {@code adminUrl} when it answers, else a new one (not shared: {@link #server()} is). */
    static TestPostgres resolve(String adminUrl, String user, String password) {
        URI address = URI.create(adminUrl.substring("jdbc:".length()));
        String host = address.getHost();
        int port = address.getPort() < 0 ? 5432 : address.getPort();
        if (Reachability.answers(host, port)) {
            return new TestPostgres(adminUrl, user, password, false);
        }
        return start(host, port);
    }

    private static TestPostgres start(String host, int configuredPort) {
        int port = Reachability.freePort();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "test-postgres-stop"));
            Reachability.announce("no PostgreSQL answered on " + host + ":" + configuredPort
                    + "; started a real PostgreSQL 16 on 127.0.0.1:" + port + " for this test run");
            return new TestPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres", true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no PostgreSQL answered on " + host + ":" + configuredPort
                    + " and starting one failed; start a server and set -Daudotics.it.postgres.url", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is a temporary one
        }
    }

    /** The JDBC URL of the server's {@code postgres} database, for creating and dropping others. */
    public String adminUrl() {
        return adminUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Whether this run started the server (nothing answered on the configured address). */
    public boolean startedHere() {
        return started;
    }

    /** The JDBC URL of one database on this server. */
    public String urlOf(String database) {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
    }

    /** Creates a database named {@code prefix} plus a random suffix; closing the answer drops it. */
    public Database createDatabase(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return new Database(name, urlOf(name));
    }

    private void execute(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A database of the tests' own, dropped (with any connections still open) on {@link #close()}. */
    public final class Database implements AutoCloseable {

        private final String name;
        private final String url;

        private Database(String name, String url) {
            this.name = name;
            this.url = url;
        }

        public String name() {
            return name;
        }

        public String url() {
            return url;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() throws SQLException {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
