package org.audotics.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidImportException;
import org.audotics.catalog.api.TrackImport;
import org.audotics.catalog.internal.imports.ImportJob.Rejection;
import org.audotics.catalog.internal.rest.ImportBodyParser;
import org.audotics.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one job's spooled body from the line after its committed line to the end, batch by batch; each
 * batch's tracks and the job's progress (committed line, counters, rejections) commit in one transaction,
 * so a crash loses only the batch being written, which the next run writes again.
 *
 * <p>A line that cannot be imported is rejected alone (its batch goes on without it). A line whose external
 * id is already in the batch ends the batch before it, so the later line updates the track as if the body
 * were imported line by line, whatever the batch size.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
    /** As the synchronous import's line limit (65 536 characters), in UTF-8 bytes of a line of such characters at most. */
    static final int MAX_LINE_BYTES = 262_144;

    /** Thrown when the run stops because its thread was interrupted (the bundle stopping): the job stays running. */
    static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final ImportBatches catalog;
    private final ImportJobStore jobs;
    private final String id;
    private final int batchLines;
    private final long retryMillis;
    private final ImportMetrics metrics;
    private final long started = System.nanoTime();

    private final List<TrackImport> tracks = new ArrayList<>();
    private final List<Long> numbers = new ArrayList<>();
    private final Set<String> externalIds = new HashSet<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long committed;
    private long stored;

    ImportRun(ImportBatches catalog, ImportJobStore jobs, String id, int batchLines, long retryMillis, ImportMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.jobs = jobs;
        this.id = id;
        this.batchLines = batchLines;
        this.retryMillis = retryMillis;
    }

    /** Runs the job to done or failed; returns early, the job still running, when interrupted. */
    void run(Path spool) throws Stopped {
        ImportJob job = jobs.find(id).orElse(null);
        if (job == null || job.state() == ImportJob.State.DONE || job.state() == ImportJob.State.FAILED) {
            return;
        }
        committed = job.committedLine();
        stored = job.rejections().size();
        jobs.start(id);
        if (!Files.isRegularFile(spool)) {
            jobs.fail(id, "the import's body is no longer on this server (" + spool.getFileName() + " missing from the spool folder)");
            metrics.finished(false, System.nanoTime() - started);
            return;
        }
        long line = committed;
        try (InputStream file = Files.newInputStream(spool);
                InputStream body = job.gzip() ? new GZIPInputStream(file, 65_536) : file) {
            BodyLines lines = new BodyLines(body, MAX_LINE_BYTES);
            BodyLines.Line next;
            while ((next = lines.next()) != null && next.number() <= committed) {
                line = next.number(); // written before the restart
            }
            for (; next != null; next = lines.next()) {
                line = next.number();
                add(next);
                if (line - committed >= batchLines) {
                    commit(line);
                }
            }
            commit(line);
        } catch (IOException e) {
            commit(line);
            LOG.warn("Catalog import {} failed: the body could not be read after line {} ({})", id, line, e.toString());
            fail("the body could not be read after line " + line + (job.gzip() ? " (not valid gzip data: " : " (") + e.getMessage() + ")");
            return;
        } catch (RuntimeException e) {
            LOG.error("Catalog import {} failed at line {}", id, committed + 1, e);
            fail("the import failed after line " + committed + ": " + e.getMessage());
            return;
        }
        jobs.finish(id);
        metrics.finished(true, System.nanoTime() - started);
        LOG.info("Catalog import {} done: {} lines", id, committed);
    }

    private void fail(String error) {
        metrics.finished(false, System.nanoTime() - started);
        try {
            jobs.fail(id, error);
        } catch (RuntimeException e) {
            LOG.warn("Catalog import {} could not be marked failed ({}); it runs again at the next start", id, e.toString());
        }
    }

    private void add(BodyLines.Line next) throws Stopped {
        if (next.text() == null) {
            reject(next.number(), "", next.problem());
            return;
        }
        if (next.text().isBlank()) {
            return;
        }
        TrackImport track;
        try {
            track = ImportBodyParser.track(next.text());
        } catch (ImportBodyParser.RejectedLine e) {
            reject(next.number(), e.field(), e.reason());
            return;
        }
        if (!externalIds.add(track.externalId())) {
            commit(next.number() - 1);
            externalIds.add(track.externalId());
        }
        tracks.add(track);
        numbers.add(next.number());
    }

    private void reject(long line, String field, String reason) {
        rejections.add(new Rejection(line, field, reason));
    }

    /** Commits the pending batch as lines up to {@code line}; waits while the database is unavailable. */
    private void commit(long line) throws Stopped {
        if (line <= committed && tracks.isEmpty() && rejections.isEmpty()) {
            return;
        }
        int conflicts = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Stopped();
            }
            try {
                write(line);
                break;
            } catch (StorageException e) {
                // a concurrent import of the same artists or albums won: write the batch again, it is idempotent
                boolean retry = e.reason() == StorageException.Reason.UNAVAILABLE
                        || (e.reason() == StorageException.Reason.CONFLICT && ++conflicts < 5);
                if (!retry) {
                    throw e;
                }
                LOG.warn("Catalog import {}: batch from line {} not written ({}); retrying in {} ms", id, committed + 1, e.getMessage(), retryMillis);
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new Stopped();
                }
            }
        }
        stored = Math.min(jobs.maxStoredRejections(), stored + rejections.size());
        committed = line;
        tracks.clear();
        numbers.clear();
        externalIds.clear();
        rejections.clear();
    }

    private void write(long line) {
        while (!tracks.isEmpty()) {
            List<Rejection> batchRejections = List.copyOf(rejections);
            try {
                catalog.importTracks(List.copyOf(tracks), (connection, written) ->
                        jobs.progress(connection, id, line, written.created(), written.updated(), sorted(batchRejections), stored));
                return;
            } catch (InvalidImportException e) {
                // the store refused one track: reject that line alone and write the rest
                if (e.index() < 0 || e.index() >= tracks.size()) {
                    throw e;
                }
                reject(numbers.get(e.index()), e.field(), e.getMessage());
                tracks.remove(e.index());
                numbers.remove(e.index());
            }
        }
        jobs.progress(id, line, sorted(rejections), stored);
    }

    private static List<Rejection> sorted(List<Rejection> rejections) {
        List<Rejection> copy = new ArrayList<>(rejections);
        copy.sort(java.util.Comparator.comparingLong(Rejection::line));
        return copy;
    }
}
