package org.audotics.storage.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is and how to log in, after applying environment overrides and the embedded default.
 *
 * @param url      JDBC URL, {@code jdbc:postgresql:} or {@code jdbc:h2:}
 * @param user     user name, possibly empty
 * @param password password, possibly empty; never logged
 * @param embedded true for the built-in H2 default
 */
record ConnectionSettings(String url, String user, String password, boolean embedded) {

    static final String ENV_URL = "AUDOTICS_DB_URL";
    static final String ENV_USER = "AUDOTICS_DB_USER";
    static final String ENV_PASSWORD = "AUDOTICS_DB_PASSWORD";

    /**
     * H2 in PostgreSQL mode, so the same changelogs and Cayenne mappings work on both databases; and
     * WRITE_DELAY=0, so a committed transaction is on disk when the commit returns (H2 otherwise writes
     * commits in the background and a crash loses the last half second of them — seen in RestartIT).
     */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    /**
     * @param dataDir Karaf's data folder, where the embedded database lives
     * @throws IllegalArgumentException when the URL names a database we do not support
     */
    static ConnectionSettings resolve(StorageConfig config, Map<String, String> env, Path dataDir) {
        String url = firstNonBlank(env.get(ENV_URL), config.url());
        String user = firstNonBlank(env.get(ENV_USER), config.user());
        String password = firstNonBlank(env.get(ENV_PASSWORD), config.password());
        if (url.isEmpty()) {
            Path file = dataDir.resolve("audotics").resolve("audotics").toAbsolutePath();
            // retry: H2's file system that reopens its file when a thread is interrupted mid-write; through
            // a plain FileChannel one interrupted thread (SCR interrupts a component's threads when it
            // deactivates it) closed the database for every bundle until a restart
            return new ConnectionSettings("jdbc:h2:retry:" + file + H2_OPTIONS, "sa", "", true);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new ConnectionSettings(url.contains("MODE=") ? url : url + H2_OPTIONS, user, password, false);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL scheme (use jdbc:postgresql: or jdbc:h2:): "
                    + scheme(url));
        }
        return new ConnectionSettings(url, user, password, false);
    }

    boolean postgresql() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials or query parameters, safe to log. */
    String redactedUrl() {
        int cut = url.indexOf(postgresql() ? '?' : ';');
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':', 5);
        return colon < 0 ? url : url.substring(0, colon + 1);
    }

    private static String firstNonBlank(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.strip() : fallback.strip();
    }
}
