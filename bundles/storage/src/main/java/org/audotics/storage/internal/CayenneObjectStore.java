package org.audotics.storage.internal;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.cayenne.CayenneRuntimeException;
import org.apache.cayenne.configuration.server.ServerModule;
import org.apache.cayenne.configuration.server.ServerRuntime;
import org.apache.cayenne.log.JdbcEventLogger;
import org.audotics.storage.cayenne.api.ObjectStore;

import org.audotics.storage.api.StorageException;

/**
 * One Cayenne runtime for one bundle's mapping. Every call runs with the {@link BridgeClassLoader} as
 * context class loader, so Cayenne finds the bundle's entity classes.
 */
final class CayenneObjectStore implements ObjectStore {

    private final ServerRuntime runtime;
    private final ClassLoader bridge;

    CayenneObjectStore(DataSource dataSource, Class<?> owner, String projectPath) {
        this.bridge = new BridgeClassLoader(owner.getClassLoader(), ServerRuntime.class.getClassLoader());
        this.runtime = ContextClassLoader.with(bridge, () -> ServerRuntime.builder()
                // module auto-loading uses ServiceLoader, which finds nothing across bundles
                .disableModulesAutoLoading()
                .addModule(new ServerModule())
                .addModule(binder -> binder.bind(JdbcEventLogger.class).toInstance(new SqlStatementLogger()))
                .addConfig(projectPath)
                .dataSource(dataSource)
                .build());
    }

    @Override
    public <R> R read(Work<R> work) {
        return ContextClassLoader.with(bridge, () -> translated(() -> run(work)));
    }

    @Override
    public <R> R write(Work<R> work) {
        return ContextClassLoader.with(bridge, () -> translated(() -> runtime.performInTransaction(() -> run(work))));
    }

    void close() {
        ContextClassLoader.with(bridge, () -> {
            runtime.shutdown();
            return null;
        });
    }

    /** Marks an exception thrown by the caller's work, so it passes through Cayenne's wrapping unchanged. */
    private static final class WorkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    private <R> R run(Work<R> work) {
        try {
            return work.run(runtime.newContext());
        } catch (CayenneRuntimeException | StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorkFailure(e);
        }
    }

    private static <R> R translated(Supplier<R> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WorkFailure failure) {
                    throw (RuntimeException) failure.getCause();
                }
                if (t instanceof StorageException storage) {
                    throw storage;
                }
            }
            throw StorageException.from("Database call", e);
        }
    }
}
