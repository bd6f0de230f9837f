package org.audotics.storage.internal;

import java.nio.file.Path;

/**
 * The storage bundle's real database service on an embedded H2 file under {@code dataDir}, for the tests
 * of other bundles (published in this module's test-jar).
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static PooledDatabase open(Path dataDir) {
        System.setProperty("karaf.data", dataDir.toString());
        return new PooledDatabase(TestStorageConfig.defaults());
    }
}
