package org.audotics.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.internal.CatalogConfig;
import org.audotics.metrics.api.Metrics;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamed catalog imports: a body is spooled to a file on this node, a job row is created (queued), and the
 * component's one worker thread imports jobs in order of arrival (see {@link ImportRun}). At start, jobs left
 * queued or running by a stop or a crash are resumed from their committed line when their body is in this
 * node's spool folder; jobs of other nodes are left to them. Spool files of no unfinished job (a crash while
 * receiving, or after a job ended) are deleted then. Thread-safe.
 */
@Component(service = ImportJobs.class, configurationPid = CatalogConfig.PID)
public final class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    static final long RETRY_MILLIS = 5_000;

    private final ImportBatches catalog;
    private final ImportJobStore store;
    private final ImportSpool spool;
    private final int batchLines;
    private final long retryMillis;
    /** Jobs handed to the worker by this process, so the resume at start does not run one twice. */
    private final ImportMetrics metrics = new ImportMetrics();
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private final long activatedAt = System.currentTimeMillis();
    private final ScheduledExecutorService worker = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "audotics-catalog-import");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ImportJobs(@Reference ImportBatches catalog, CatalogConfig config) {
        this(catalog, spoolFolder(config.import_spool_folder()), config.import_max_bytes(), config.import_batch_lines(),
                config.import_max_stored_rejections(), RETRY_MILLIS);
        worker.execute(this::resume);
    }

    /** For tests: nothing resumed until {@link #resume()} is called. */
    ImportJobs(ImportBatches catalog, Path spoolFolder, long maxBytes, int batchLines, int maxStoredRejections, long retryMillis) {
        this.catalog = catalog;
        this.store = new ImportJobStore(catalog, Math.max(0, maxStoredRejections));
        this.spool = new ImportSpool(spoolFolder, Math.max(1, maxBytes));
        this.batchLines = Math.max(1, Math.min(org.audotics.catalog.api.CatalogService.MAX_IMPORT_BATCH, batchLines));
        this.retryMillis = retryMillis;
    }

    private static Path spoolFolder(String configured) {
        return configured.isBlank()
                ? Path.of(System.getProperty("karaf.data", "data")).resolve("audotics").resolve("imports")
                : Path.of(configured);
    }

    /** Finished jobs and their durations while a metrics bundle is there ({@link ImportMetrics}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(Metrics sink) {
        metrics.reportTo(sink);
    }

    void unbindMetrics(Metrics sink) {
        metrics.stopReportingTo(sink);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Spools a body and queues its job.
     *
     * @param gzip the body is gzip data (checked from its first bytes)
     * @return the queued job
     * @throws org.audotics.http.api.ApiException 413 over the maximum size, 400 an empty body or not gzip as
     *                                            declared, 503 the spool cannot be written
     * @throws IOException                        the client's body could not be read
     * @throws StorageException                   the job row cannot be written (nothing is kept)
     */
    public ImportJob submit(InputStream body, boolean gzip) throws IOException {
        String id = JobIds.next();
        submitted.add(id); // before its file exists, so a resume running now leaves the file alone
        try {
            long bytes = spool.store(id, body, gzip);
            try {
                store.create(id, gzip, bytes);
            } catch (RuntimeException e) {
                Files.deleteIfExists(spool.file(id));
                throw e;
            }
            LOG.info("Catalog import {} queued: {} bytes{}", id, bytes, gzip ? " (gzip)" : "");
        } catch (IOException | RuntimeException e) {
            submitted.remove(id);
            throw e;
        }
        ImportJob job = store.find(id).orElseThrow();
        schedule(id, 0);
        return job;
    }

    /** The largest body {@link #submit} accepts, in bytes as sent. */
    public long maxBytes() {
        return spool.maxBytes();
    }

    public Optional<ImportJob> job(String id) {
        return store.find(id);
    }

    /** Newest first, without rejections. */
    public List<ImportJob> recent(int offset, int limit) {
        return store.recent(offset, limit);
    }

    public int count() {
        return store.count();
    }

    private void schedule(String id, long delayMillis) {
        submitted.add(id);
        worker.schedule(() -> run(id), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void run(String id) {
        try {
            new ImportRun(catalog, store, id, batchLines, retryMillis, metrics).run(spool.file(id));
            Files.deleteIfExists(spool.file(id));
        } catch (ImportRun.Stopped e) {
            LOG.info("Catalog import {} stopped; it resumes when the catalog starts again", id);
        } catch (StorageException e) {
            // the job's own row could not be read or written: try again later, from its committed line
            LOG.warn("Catalog import {} paused ({}); retrying in {} ms", id, e.getMessage(), retryMillis);
            if (!worker.isShutdown()) {
                schedule(id, retryMillis);
            }
        } catch (IOException e) {
            LOG.warn("Catalog import {}: its spool file could not be deleted ({})", id, e.toString());
        } catch (RuntimeException e) {
            LOG.error("Catalog import {} failed", id, e);
            try {
                store.fail(id, "the import failed: " + e.getMessage());
            } catch (RuntimeException notRecorded) {
                LOG.warn("Catalog import {} could not be marked failed ({}); it runs again at the next start", id, notRecorded.toString());
            }
        }
    }

    /** Queues the unfinished jobs whose body is here, and deletes spool files no job owns. */
    void resume() {
        List<ImportJob> unfinished;
        try {
            unfinished = store.unfinished();
        } catch (StorageException e) {
            if (!worker.isShutdown()) {
                worker.schedule(this::resume, retryMillis, TimeUnit.MILLISECONDS);
            }
            return;
        }
        Set<String> kept = ConcurrentHashMap.newKeySet();
        for (ImportJob job : unfinished) {
            if (Files.isRegularFile(spool.file(job.id()))) {
                kept.add(job.id());
                if (!submitted.contains(job.id())) {
                    LOG.info("Catalog import {} resumes after line {}", job.id(), job.committedLine());
                    schedule(job.id(), 0);
                }
            }
        }
        deleteOrphans(kept);
    }

    private void deleteOrphans(Set<String> kept) {
        if (!Files.isDirectory(spool.folder())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool.folder())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean orphan = name.endsWith(ImportSpool.PART)
                        ? Files.getLastModifiedTime(file).toMillis() < activatedAt // received when the server stopped
                        : !kept.contains(name) && !submitted.contains(name); // its job ended before the file was deleted
                if (orphan) {
                    Files.deleteIfExists(file);
                    LOG.info("Catalog import spool file {} belongs to no unfinished job: deleted", name);
                }
            }
        } catch (IOException e) {
            LOG.warn("Catalog import spool folder {} could not be cleaned ({})", spool.folder(), e.toString());
        }
    }
}
