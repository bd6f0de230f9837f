package org.audotics.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.audotics.testservices.TestRedis;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One server on real PostgreSQL and Redis shared by the test classes that use this extension: booting
 * Karaf takes seconds, and the classes use distinct external ids so they do not disturb each other.
 * Stopped, and its database dropped, when the whole run ends.
 */
final class SharedServer implements ParameterResolver {

    /**
     * The running server with the database and Redis namespace it uses, and its one library root: every
     * test class that scans puts its folders inside {@code musicRoot}.
     */
    record Running(AudoticsServer server, TestDatabase database, String redisPrefix, Path musicRoot)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Throwable {
            try {
                server.close();
            } finally {
                database.close();
                deleteTree(musicRoot);
            }
        }
    }

    /** Deletes a folder with everything in it; symbolic links are deleted, never followed. */
    private static void deleteTree(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A small upload limit, so the 413 answer can be tested without sending hundreds of megabytes. */
    static final int MAX_UPLOAD_MB = 2;

    /** The tests' Redis ({@link TestRedis}: the one configured by {@code audotics.it.redis.uri} when it answers, else one started for the run). */
    static final String REDIS_URI = TestRedis.server().uri(0);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedServer.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            TestDatabase database = new TestDatabase();
            String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
            Path musicRoot = Files.createTempDirectory("audotics-it-music-").toRealPath();
            AudoticsServer server = AudoticsServer.start("shared", Map.of(
                    "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                    "org.audotics.cache", "redis.uri = " + REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                    "org.audotics.dsp", "max.upload.mb = " + MAX_UPLOAD_MB + "\nlibrary.roots = " + musicRoot + "\n"), true);
            return new Running(server, database, prefix, musicRoot);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the shared server", e);
        }
    }
}
