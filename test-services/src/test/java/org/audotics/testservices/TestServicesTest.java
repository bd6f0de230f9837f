package org.audotics.testservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Where nothing answers on the configured address, a real server is started on another port and works; where
 * something answers, it is used as it is. The addresses "where nothing answers" are ports this test held free.
 */
class TestServicesTest {

    @Test
    void aRedisIsStartedWhereNoneAnswersAndServesCommands() throws Exception {
        int closedPort = Reachability.freePort();

        TestRedis redis = TestRedis.resolve("redis://127.0.0.1:" + closedPort + "/0");

        assertTrue(redis.startedHere());
        assertNotEquals(closedPort, redis.port());
        assertEquals("+PONG", command(redis.port(), "PING"));
        assertEquals("redis://127.0.0.1:" + redis.port() + "/3", redis.uri(3));
    }

    @Test
    void anAnsweringAddressIsUsedAsConfigured() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            TestRedis redis = TestRedis.resolve("redis://127.0.0.1:" + listening.getLocalPort() + "/0");
            TestPostgres postgres = TestPostgres.resolve("jdbc:postgresql://127.0.0.1:" + listening.getLocalPort() + "/postgres", "u", "p");

            assertFalse(redis.startedHere());
            assertEquals(listening.getLocalPort(), redis.port());
            assertFalse(postgres.startedHere());
            assertEquals("jdbc:postgresql://127.0.0.1:" + listening.getLocalPort() + "/other", postgres.urlOf("other"));
            assertEquals("u", postgres.user());
        }
    }

    @Test
    void aPostgresIsStartedWhereNoneAnswersAndHoldsDatabases() throws Exception {
        String closed = "jdbc:postgresql://127.0.0.1:" + Reachability.freePort() + "/postgres";
        TestPostgres postgres = TestPostgres.resolve(closed, "postgres", "postgres");

        assertTrue(postgres.startedHere());
        try (TestPostgres.Database database = postgres.createDatabase("test_services_");
             Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n int)");
            statement.execute("INSERT INTO t VALUES (41), (1)");
            try (ResultSet sum = statement.executeQuery("SELECT sum(n), current_setting('server_version_num')::int / 10000 FROM t")) {
                sum.next();
                assertEquals(42, sum.getInt(1));
                assertEquals(16, sum.getInt(2));
            }
        }
    }

    /** One inline Redis command over a raw socket: the module has no Redis client of its own. */
    private static String command(int port, String command) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
