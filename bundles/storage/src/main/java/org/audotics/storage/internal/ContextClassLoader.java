package org.audotics.storage.internal;

import java.util.function.Supplier;

/**
 * Runs code with a given thread context class loader. Liquibase and Cayenne find their plug-ins,
 * resources and mapped classes through it; in OSGi it is otherwise whatever the calling thread had.
 */
final class ContextClassLoader {

    private ContextClassLoader() {
    }

    static <T> T with(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
