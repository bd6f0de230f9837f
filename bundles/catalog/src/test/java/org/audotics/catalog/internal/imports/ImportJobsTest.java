package org.audotics.catalog.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.TrackImport;
import org.audotics.catalog.internal.TestCatalogs;
import org.audotics.catalog.internal.imports.ImportJob.Rejection;
import org.audotics.catalog.internal.imports.ImportJob.State;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.http.api.ApiException;
import org.audotics.metrics.api.Metrics;
import org.audotics.storage.cayenne.api.ObjectStore;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed import jobs on a real embedded database: spooling, batches, rejections, gzip and resuming after a crash. */
class ImportJobsTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private ImportBatches catalog;
    private Path spool;
    private ImportJobs jobs;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data.resolve("db"));
        catalog = (ImportBatches) TestCatalogs.over(database);
        spool = data.resolve("imports");
        jobs = jobs(catalog, 1_000_000, 10, 5);
    }

    @AfterEach
    void close() throws InterruptedException {
        jobs.deactivate();
        database.close();
    }

    private ImportJobs jobs(ImportBatches over, long maxBytes, int batchLines, int maxRejections) {
        return new ImportJobs(over, spool, maxBytes, batchLines, maxRejections, 50);
    }

    static String line(int n) {
        return "{\"external_id\":\"t" + n + "\",\"name\":\"Song " + n + "\",\"artists\":[{\"external_id\":\"a" + (n % 7)
                + "\",\"name\":\"Artist " + (n % 7) + "\"}],\"album\":{\"external_id\":\"al" + (n % 5) + "\",\"name\":\"Album "
                + (n % 5) + "\"},\"duration_ms\":" + (1000 + n) + "}";
    }

    static String lines(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int n = from; n <= to; n++) {
            body.append(line(n)).append('\n');
        }
        return body.toString();
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private ImportJob finished(ImportJobs over, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            ImportJob job = over.job(id).orElseThrow();
            if (job.state() == State.DONE || job.state() == State.FAILED) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not end");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void importsEveryLineInBatchesAndCountsThem() throws Exception {
        ImportJob queued = jobs.submit(body(lines(1, 25)), false);
        assertEquals(State.QUEUED, queued.state());
        ImportJob done = finished(jobs, queued.id());
        assertEquals(State.DONE, done.state());
        assertEquals(25, done.committedLine());
        assertEquals(25, done.created());
        assertEquals(0, done.updated());
        assertEquals(0, done.rejected());
        assertNull(done.error());
        assertEquals(25, count("SELECT count(*) FROM track"));
        assertEquals(7, count("SELECT count(*) FROM artist"));
        assertFalse(Files.exists(spool.resolve(queued.id())), "the spool file is deleted when the job ends");

        // the same body again updates every track: imports are idempotent by external id
        ImportJob again = finished(jobs, jobs.submit(body(lines(1, 25)), false).id());
        assertEquals(0, again.created());
        assertEquals(25, again.updated());
        assertEquals(25, count("SELECT count(*) FROM track"));
    }

    @Test
    void rejectsBadLinesAloneWithTheirNumberFieldAndReason() throws Exception {
        String body = line(1) + "\n"
                + "\n" // blank: counted, not rejected
                + line(3).replace("\"duration_ms\":1003", "\"duration_ms\":-1") + "\n"
                + "{not json\n"
                + line(5).replace("\"name\":\"Song 5\"", "\"name\":true") + "\n"
                + line(6) + "\r\n"
                + line(7).replace("Song 7", "Song \u00e9") ;
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBadUtf8 = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withBadUtf8, 0, bytes.length);
        withBadUtf8[bytes.length] = (byte) 0xC3; // line 8: a lone lead byte
        withBadUtf8[bytes.length + 1] = '\n';
        ImportJob done = finished(jobs, jobs.submit(new ByteArrayInputStream(withBadUtf8), false).id());

        assertEquals(State.DONE, done.state());
        assertEquals(8, done.committedLine());
        assertEquals(3, done.created());
        assertEquals(4, done.rejected());
        assertEquals(List.of(
                new Rejection(4, "", "is not valid JSON (column 2)"),
                new Rejection(5, "name", "field 'name' has a value of the wrong type or format"),
                new Rejection(8, "", "is not valid UTF-8")), done.rejections().subList(1, 4));
        Rejection negative = done.rejections().get(0);
        assertEquals(3, negative.line());
        assertEquals("duration_ms", negative.field());
        assertTrue(negative.reason().startsWith("duration_ms "), negative.reason());
        assertEquals(3, count("SELECT count(*) FROM track"));
        assertEquals(1, count("SELECT count(*) FROM track WHERE name = 'Song \u00e9'"));
    }

    @Test
    void keepsTheFirstRejectionsUpToTheCapAndCountsAll() throws Exception {
        String body = "x\n".repeat(23) + line(1) + "\n";
        ImportJob done = finished(jobs, jobs.submit(body(body), false).id());
        assertEquals(State.DONE, done.state());
        assertEquals(23, done.rejected());
        assertEquals(5, done.rejections().size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), done.rejections().stream().map(Rejection::line).toList());
        assertEquals(1, done.created());
        assertEquals(24, done.committedLine());
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedAndTheNextOneRead() throws Exception {
        String longName = "n".repeat(ImportRun.MAX_LINE_BYTES);
        String body = line(1).replace("Song 1", longName) + "\n" + line(2) + "\n";
        ImportJob done = finished(jobs, jobs.submit(body(body), false).id());
        assertEquals(List.of(new Rejection(1, "", "is longer than " + ImportRun.MAX_LINE_BYTES + " bytes")), done.rejections());
        assertEquals(1, done.created());
    }

    @Test
    void aRepeatedExternalIdEndsTheBatchSoTheLaterLineWins() throws Exception {
        String body = line(1) + "\n" + line(2) + "\n" + line(1).replace("Song 1", "Song one") + "\n";
        ImportJob done = finished(jobs, jobs.submit(body(body), false).id());
        assertEquals(2, done.created());
        assertEquals(1, done.updated());
        assertEquals(0, done.rejected());
        assertEquals(1, count("SELECT count(*) FROM track WHERE name = 'Song one'"));
    }

    @Test
    void importsAGzipBody() throws Exception {
        ImportJob done = finished(jobs, jobs.submit(new ByteArrayInputStream(gzip(lines(1, 42))), true).id());
        assertEquals(State.DONE, done.state());
        assertTrue(done.gzip());
        assertEquals(42, done.created());
    }

    @Test
    void refusesABodyDeclaredGzipThatIsNotAndKeepsNothing() {
        ApiException refused = assertThrows(ApiException.class, () -> jobs.submit(body(lines(1, 3)), true));
        assertEquals(400, refused.status());
        assertEquals("the body is declared gzip but is not gzip data", refused.getMessage());
        assertEquals(0, jobs.count());
        assertEquals(0, spoolFiles());
    }

    @Test
    void reportsEachFinishedJobWithItsResultAndDuration() throws Exception {
        List<String> timed = new CopyOnWriteArrayList<>();
        jobs.bindMetrics(new Metrics() {
            @Override
            public void time(String name, long nanos, String... tags) {
                timed.add(name + " " + String.join("=", tags) + (nanos > 0 ? "" : " no duration"));
            }

            @Override
            public void count(String name, double amount, String... tags) {
            }

            @Override
            public Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
                return () -> { };
            }
        });
        finished(jobs, jobs.submit(body(lines(1, 3)), false).id());
        byte[] good = gzip(lines(1, 300));
        finished(jobs, jobs.submit(new ByteArrayInputStream(java.util.Arrays.copyOf(good, good.length / 2)), true).id());
        // one worker runs the jobs in order: once the third is done, the first two were reported
        finished(jobs, jobs.submit(body(lines(1, 2)), false).id());
        assertEquals(List.of("audotics.import.jobs result=ok", "audotics.import.jobs result=failed"), timed.subList(0, 2));
    }

    @Test
    void failsAJobWhoseGzipDataIsCorruptAfterKeepingTheLinesBefore() throws Exception {
        byte[] good = gzip(lines(1, 300));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        ImportJob done = finished(jobs, jobs.submit(new ByteArrayInputStream(truncated), true).id());
        assertEquals(State.FAILED, done.state());
        assertTrue(done.error().startsWith("the body could not be read after line "), done.error());
        assertTrue(done.error().contains("not valid gzip data"), done.error());
        assertEquals(done.created(), count("SELECT count(*) FROM track"));
        assertTrue(done.committedLine() > 0 && done.committedLine() < 300);
    }

    @Test
    void refusesABodyOverTheMaximumAndKeepsNothing() throws Exception {
        ImportJobs small = jobs(catalog, 1000, 10, 5);
        try {
            ApiException refused = assertThrows(ApiException.class, () -> small.submit(body(lines(1, 50)), false));
            assertEquals(413, refused.status());
            assertEquals(0, small.count());
            assertEquals(0, spoolFiles());
            ApiException empty = assertThrows(ApiException.class, () -> small.submit(body(""), false));
            assertEquals(400, empty.status());
            assertEquals(State.DONE, finished(small, small.submit(body(lines(1, 3)), false).id()).state());
        } finally {
            small.deactivate();
        }
    }

    @Test
    void resumesAfterACrashBetweenBatchesFromTheCommittedLine() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        ImportJobs crashing = jobs(new Crashing(catalog, batches, 3, false), 1_000_000, 10, 5);
        String body = lines(1, 95) + "bad\n" + lines(97, 100);
        String id = crashing.submit(body(body), false).id();
        ImportJob stopped = waitForCrash(crashing, id, batches);
        crashing.deactivate();
        assertEquals(State.RUNNING, stopped.state());
        assertEquals(30, stopped.committedLine(), "three batches of 10 lines committed");
        assertEquals(30, count("SELECT count(*) FROM track"));

        ImportJobs restarted = jobs(catalog, 1_000_000, 10, 5);
        try {
            restarted.resume();
            ImportJob done = finished(restarted, id);
            assertEquals(State.DONE, done.state());
            assertEquals(100, done.committedLine());
            assertEquals(99, done.created(), "every line created exactly once");
            assertEquals(0, done.updated());
            assertEquals(List.of(96L), done.rejections().stream().map(Rejection::line).toList());
            assertEquals(99, count("SELECT count(*) FROM track"));
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void aCrashInsideABatchLeavesNothingOfItAndTheResumeWritesItOnce() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        ImportJobs crashing = jobs(new Crashing(catalog, batches, 2, true), 1_000_000, 10, 5);
        String id = crashing.submit(body(lines(1, 45)), false).id();
        ImportJob stopped = waitForCrash(crashing, id, batches);
        crashing.deactivate();
        assertEquals(20, stopped.committedLine());
        assertEquals(20, count("SELECT count(*) FROM track"), "the third batch is rolled back with its progress");

        ImportJobs restarted = jobs(catalog, 1_000_000, 10, 5);
        try {
            restarted.resume();
            ImportJob done = finished(restarted, id);
            assertEquals(45, done.created());
            assertEquals(0, done.updated());
            assertEquals(45, count("SELECT count(*) FROM track"));
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void deletesSpoolFilesOfNoUnfinishedJobAtStart() throws Exception {
        Files.createDirectories(spool);
        Path partial = Files.writeString(spool.resolve("abc" + ImportSpool.PART), line(1));
        Files.setLastModifiedTime(partial, java.nio.file.attribute.FileTime.fromMillis(0));
        Path ended = Files.writeString(spool.resolve("ended"), line(1));
        jobs.resume();
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(ended));
    }

    private ImportJob waitForCrash(ImportJobs over, String id, AtomicInteger batches) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (batches.get() >= 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(-1, batches.get(), "the crash happened");
        return over.job(id).orElseThrow();
    }

    private long spoolFiles() {
        try (var files = Files.list(spool)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Simulates the server dying: after {@code survive} batches the next one throws an Error, before or inside its transaction. */
    private static final class Crashing implements ImportBatches {
        private final ImportBatches real;
        private final AtomicInteger batches;
        private final int survive;
        private final boolean insideTransaction;

        Crashing(ImportBatches real, AtomicInteger batches, int survive, boolean insideTransaction) {
            this.real = real;
            this.batches = batches;
            this.survive = survive;
            this.insideTransaction = insideTransaction;
        }

        @Override
        public ImportResult importTracks(List<TrackImport> batch, CatalogStore.AfterBatch sameTransaction) {
            if (batches.get() == survive) {
                if (!insideTransaction) {
                    batches.set(-1);
                    throw new Crash();
                }
                try {
                    real.importTracks(batch, (connection, written) -> {
                        sameTransaction.run(connection, written);
                        throw new IllegalStateException("dies before the commit");
                    });
                } catch (IllegalStateException rolledBack) {
                    // a process that dies mid-transaction leaves it uncommitted: the database rolls it back
                }
                batches.set(-1);
                throw new Crash();
            }
            if (batches.get() < 0) {
                throw new Crash();
            }
            batches.incrementAndGet();
            return real.importTracks(batch, sameTransaction);
        }

        @Override
        public <R> R inTransaction(CatalogStore.SqlWork<R> work) {
            if (batches.get() < 0) {
                throw new Crash();
            }
            return real.inTransaction(work);
        }

        @Override
        public <R> R write(ObjectStore.Work<R> work) {
            if (batches.get() < 0) {
                throw new Crash();
            }
            return real.write(work);
        }

        @Override
        public <R> R read(ObjectStore.Work<R> work) {
            return real.read(work);
        }
    }

    /** Not caught by the job: as if the process ended here. */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
