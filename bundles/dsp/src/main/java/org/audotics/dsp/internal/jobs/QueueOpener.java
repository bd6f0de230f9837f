package org.audotics.dsp.internal.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the DSP schema and opens the job store on a thread of its own, retrying every 5 s while the
 * database is unreachable.
 */
final class QueueOpener {

    private static final Logger LOG = LoggerFactory.getLogger(QueueOpener.class);
    private static final long RETRY_SECONDS = 5;

    private final Database database;
    private final Consumer<AnalysisStore> whenOpen;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Threads.named("audotics-analysis-migration"));
    private volatile String notReadyBecause = "migration not run yet";

    QueueOpener(Database database, Consumer<AnalysisStore> whenOpen) {
        this.database = database;
        this.whenOpen = whenOpen;
    }

    void start() {
        thread.execute(this::open);
    }

    void stop() {
        thread.shutdownNow();
    }

    /** Why the store is not open yet (the last failure), for the health check. */
    String notReadyBecause() {
        return notReadyBecause;
    }

    private void open() {
        try {
            whenOpen.accept(new AnalysisStore(database));
        } catch (StorageException e) {
            notReadyBecause = e.unavailable() ? "the database is unavailable" : "the schema migration failed";
            LOG.warn("Analysis queue not ready ({}); retrying in {} s", e.getMessage(), RETRY_SECONDS);
            if (!thread.isShutdown()) {
                thread.schedule(this::open, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
