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

    @Override
    public int connection_timeout_ms() {
        return 500;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return StorageConfig.class;
    }
}
