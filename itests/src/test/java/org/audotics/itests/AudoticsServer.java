package org.audotics.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built Karaf distribution, copied to a folder of its own, configured through its {@code etc/*.cfg}
 * files, started as a separate process with {@code bin/karaf server} on a free HTTP port, and driven over
 * HTTP. Its log is kept under {@code target/it-servers/<name>/data/log} for diagnosis.
 */
final class AudoticsServer implements AutoCloseable {

    static final String ADMIN_TOKEN = "integration-test-admin-token-0123456789";
    /** How long a start may take: 300 s unless {@code -Daudotics.it.start.seconds} says otherwise (a loaded machine). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Integer.getInteger("audotics.it.start.seconds", 300));

    final Path home;
    final int port;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AudoticsServer(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * @param name       folder name under target/it-servers
     * @param configs    cfg file name (without .cfg) to its content, written before the first start
     * @param waitReady  wait for /health/ready (true) or only /health/live (false)
     */
    static AudoticsServer start(String name, Map<String, String> configs, boolean waitReady) throws Exception {
        AudoticsServer server = startWithoutWaiting(name, configs);
        try {
            server.awaitStatus(waitReady ? "/health/ready" : "/health/live", 200, START_TIMEOUT);
            if (waitReady) {
                server.awaitRestApplication();
            }
        } catch (Exception | AssertionError notReady) {
            server.close(); // the caller gets no server to close: a failed start left its Karaf JVM running
            throw notReady;
        }
        return server;
    }

    /**
     * Like {@link #start} but returns as soon as the process runs, before the port opens, for tests of
     * what the server answers while it starts.
     */
    static AudoticsServer startWithoutWaiting(String name, Map<String, String> configs) throws Exception {
        Path distribution = Path.of(System.getProperty("audotics.distribution"));
        Path home = Path.of(System.getProperty("audotics.it.work", "target/it-servers")).resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        copy(distribution, home);
        int port = freePort();
        Path paxWeb = home.resolve("etc/org.ops4j.pax.web.cfg");
        Files.writeString(paxWeb, Files.readString(paxWeb).replace("org.osgi.service.http.port = 8181", "org.osgi.service.http.port = " + port));
        Files.writeString(home.resolve("etc/org.audotics.auth.cfg"), "admin.token = " + ADMIN_TOKEN + "\n");
        // every test client calls from 127.0.0.1 and some send thousands of requests: rate limits are off unless a test
        // configures them (RateLimitIT)
        Files.writeString(home.resolve("etc/org.audotics.ratelimit.cfg"), "enabled = false\n");
        for (var config : configs.entrySet()) {
            Files.writeString(home.resolve("etc/" + config.getKey() + ".cfg"), config.getValue(), StandardCharsets.UTF_8);
        }
        return new AudoticsServer(home, port, launch(home));
    }

    private static Process launch(Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(key -> key.startsWith("AUDOTICS_"));
        return builder.start();
    }

    /** Kills the server as a crash would (SIGKILL: no shutdown, nothing cleaned up). */
    void crash() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle jvm : process.descendants().toList()) {
            jvm.onExit().join();
        }
    }

    /** Starts the same installation again (same data, configuration and port) and waits until it is ready. */
    void restart() throws Exception {
        process = launch(home);
        try {
            awaitStatus("/health/ready", 200, START_TIMEOUT);
            awaitRestApplication();
        } catch (Exception | AssertionError notReady) {
            close();
            throw notReady;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Readiness can answer 200 a moment before Pax Web has mounted the /v1 servlet (its whiteboard works on a
     * thread of its own; docs/operations.md, "While bundles start"): wait until the API answers too.
     */
    void awaitRestApplication() throws Exception {
        awaitStatus("/v1/recommender", 200, START_TIMEOUT);
    }

    void awaitStatus(String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server process exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            try {
                HttpAnswer answer = get(path);
                if (answer.status() == status) {
                    return;
                }
                last = answer.toString();
            } catch (IOException | AssertionError notYet) {
                // not listening yet, or Jetty's own HTML page before our servlets are registered
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(path + " did not answer " + status + " within " + timeout + "; last: " + last
                + "; log: " + home.resolve("data/log/karaf.log"));
    }

    /** A GET by a client holding a token (the admin token: every {@code /v1} endpoint but a few needs one). */
    HttpAnswer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN).GET());
    }

    /** A GET without any credentials. */
    HttpAnswer getAnonymously(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpAnswer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpAnswer.of(http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    HttpAnswer importLines(String jsonLines) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/v1/catalog/import"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(jsonLines)));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path deployFolder() {
        return home.resolve("deploy");
    }

    @Override
    public void close() throws Exception {
        // bin/karaf is a shell script whose child is the Karaf JVM: stop the JVM (SIGTERM, so Karaf
        // stops its bundles in order), then the script; killing only the script would orphan the JVM
        List<ProcessHandle> jvms = process.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stuck) {
                jvm.destroyForcibly();
            }
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // keep the logs, drop the copied distribution
        for (String folder : new String[] {"system", "lib", "data/cache", "data/tmp"}) {
            delete(home.resolve(folder));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
