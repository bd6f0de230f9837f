package org.audotics.storage.cayenne.api;

import org.apache.cayenne.ObjectContext;
import org.audotics.storage.api.StorageException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cayenne object access for one bundle's mapping, with the OSGi class loading Cayenne needs set up around
 * every call. Obtained from {@link ObjectStores#open(Class, String)}; thread-safe; every call gets a
 * fresh {@link ObjectContext} that must not escape the call.
 *
 * <p>Failures: a Cayenne or JDBC failure is thrown as {@link StorageException} ({@link
 * StorageException#unavailable()} when the database cannot be reached); a runtime exception thrown by the
 * work itself passes through unchanged.
 */
@ProviderType
public interface ObjectStore {

    /** Runs read-only work (queries) in a new object context, without an explicit transaction. */
    <R> R read(Work<R> work);

    /**
     * Runs work in one database transaction: everything it commits ({@code context.commitChanges()}) and
     * every statement it executes through the context is applied together, or not at all when the work
     * throws.
     */
    <R> R write(Work<R> work);

    /** Work against an object context. */
    @FunctionalInterface
    interface Work<R> {
        R run(ObjectContext context);
    }
}
