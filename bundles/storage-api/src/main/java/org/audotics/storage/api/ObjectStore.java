package org.audotics.storage.api;

import org.apache.cayenne.ObjectContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cayenne object access for one bundle's mapping, with the OSGi class loading Cayenne needs set up around
 * every call. Obtained from {@link Database#objectStore(Class, String)}; thread-safe; every call gets a
 * fresh {@link ObjectContext} that must not escape the call.
 */
@ProviderType
public interface ObjectStore {

    /**
     * Runs work in a new object context. Changes are committed only if the work calls
     * {@code context.commitChanges()}; a commit is one database transaction, so a batch committed once is
     * all-or-nothing.
     *
     * @return what the work returns
     * @throws StorageException wrapping any Cayenne or JDBC failure (a runtime exception thrown by the
     *                          work itself passes through unchanged)
     */
    <R> R call(Work<R> work);

    /** Work against an object context. */
    @FunctionalInterface
    interface Work<R> {
        R run(ObjectContext context);
    }
}
