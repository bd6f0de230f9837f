package org.audotics.catalog.internal.store;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.audotics.storage.internal.PooledDatabase;
import org.audotics.storage.internal.StorageConfig;

/** The storage bundle's real database service on an embedded H2 file, for tests outside OSGi. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static PooledDatabase open(Path dataDir) {
        System.setProperty("karaf.data", dataDir.toString());
        return new PooledDatabase(new StorageConfig() {
            @Override
            public String url() {
                return "";
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public int pool_max_size() {
                return 4;
            }

            @Override
            public int connection_timeout_ms() {
                return 2000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return StorageConfig.class;
            }
        });
    }
}
