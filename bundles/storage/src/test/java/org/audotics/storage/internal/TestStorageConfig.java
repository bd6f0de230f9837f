package org.audotics.storage.internal;

import java.lang.annotation.Annotation;

/** A {@link StorageConfig} with chosen values, as DS would build it from a configuration. */
record TestStorageConfig(String url, String user, String password) implements StorageConfig {

    static TestStorageConfig defaults() {
        return new TestStorageConfig("", "", "");
    }

    @Override
    public int pool_max_size() {
        return 4;
    }

    /** Generous: these tests use embedded H2 only, whose first open took over 500 ms on a loaded CI machine. */
    @Override
    public int connection_timeout_ms() {
        return 10_000;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return StorageConfig.class;
    }
}
