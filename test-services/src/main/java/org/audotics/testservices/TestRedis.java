package org.audotics.testservices;

import java.io.IOException;
import java.net.URI;
import redis.embedded.RedisServer;

/**
 * The Redis server the tests use.
 *
 * <p>It is the server at {@code audotics.it.redis.uri} (default {@code redis://127.0.0.1:6379/0}) when that address
 * answers. When nothing answers there, the first call starts a real Redis (the binaries embedded-redis ships) on a
 * free port, keeping nothing on disk, for the rest of the JVM; it says so on standard output.
 */
public final class TestRedis {

    private static final String DEFAULT_URI = "redis://127.0.0.1:6379/0";

    private static TestRedis server;

    private final String host;
    private final int port;
    private final boolean started;

    private TestRedis(String host, int port, boolean started) {
        this.host = host;
        this.port = port;
        this.started = started;
    }

    /** The configured server when it answers, else one started here (once per JVM). */
    public static synchronized TestRedis server() {
        if (server == null) {
            server = resolve();
        }
        return server;
    }

    private static TestRedis resolve() {
        return resolve(System.getProperty("audotics.it.redis.uri", DEFAULT_URI));
    }

    /** The server at {@code uri} when it answers, else a new one (not shared: {@link #server()} is). */
    static TestRedis resolve(String uri) {
        URI configured = URI.create(uri);
        int configuredPort = configured.getPort() < 0 ? 6379 : configured.getPort();
        if (Reachability.answers(configured.getHost(), configuredPort)) {
            return new TestRedis(configured.getHost(), configuredPort, false);
        }
        int port = Reachability.freePort();
        try {
            RedisServer redis = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(redis), "test-redis-stop"));
            Reachability.announce("no Redis answered on " + configured.getHost() + ":" + configuredPort
                    + "; started a real Redis on 127.0.0.1:" + port + " for this test run");
            return new TestRedis("127.0.0.1", port, true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no Redis answered on " + configured.getHost() + ":" + configuredPort
                    + " and starting one failed; start a server and set -Daudotics.it.redis.uri", e);
        }
    }

    private static void stopQuietly(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }

    /** The URI of one of the server's numbered databases. */
    public String uri(int database) {
        return "redis://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Whether this run started the server (nothing answered on the configured address). */
    public boolean startedHere() {
        return started;
    }
}
