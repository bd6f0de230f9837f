package org.audotics.dsp.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFormat;
import javax.sql.DataSource;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.models.FeatureModels;
import org.audotics.dsp.internal.models.TrackAnalyzer;
import org.audotics.dsp.internal.signal.Signals;
import org.audotics.ml.internal.Dl4jModelRuntime;
import org.audotics.storage.api.Database;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker pool on a real embedded database that can be made unreachable. */
class AnalysisWorkersTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger refusedConnections = new AtomicInteger();
    private AnalysisQueue queue;
    private AnalysisWorkers workers;
    private CatalogService catalog;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("karaf.data", data.toString());
        database = EmbeddedDatabase.open(data);
        queue = new AnalysisQueue(flaky(database));
        catalog = (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> method.getName().equals("updateAudioFeatures") ? Boolean.TRUE : null);
        workers = new AnalysisWorkers(queue, TrackAnalyzer.withModels(FeatureModels.load(new Dl4jModelRuntime())), catalog, oneWorker());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (queue.storeIfReady().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stop() {
        workers.deactivate();
        queue.deactivate();
        database.close();
    }

    @Test
    void anOutageWhileIdleDoesNotCostTheNodeItsWorkers() throws Exception {
        down.set(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (refusedConnections.get() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20); // the dispatcher tries to claim twice a second
        }
        assertTrue(refusedConnections.get() >= 1, "the dispatcher never met the outage");
        down.set(false);

        Path audio = Signals.wav(data.resolve("a.wav"), Signals.drums(120, 4, 22_050, 1), 22_050, AudioFormat.Encoding.PCM_SIGNED, 16);
        AnalysisJob job = queue.submit("t1", audio);
        AnalysisJob seen = job;
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.state() != JobState.DONE && seen.state() != JobState.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = queue.job(job.id()).orElseThrow();
        }
        assertEquals(JobState.DONE, seen.state(), "the job after the outage is analysed: " + seen);
    }

    @Test
    void jobsLeftRunningByStoppedWorkersRunWhenTheWorkersStartAgain() throws Exception {
        workers.deactivate(); // as a configuration change does
        Path audio = Signals.wav(data.resolve("b.wav"), Signals.drums(100, 4, 22_050, 2), 22_050, AudioFormat.Encoding.PCM_SIGNED, 16);
        AnalysisJob job = queue.submit("t2", audio);
        AnalysisStore store = queue.storeIfReady().orElseThrow();
        assertEquals(job.id(), store.claimNext(queue.nodeId()).orElseThrow().id(), "the job is RUNNING for this node, as when a stop interrupts it");

        workers = new AnalysisWorkers(queue, TrackAnalyzer.withModels(FeatureModels.load(new Dl4jModelRuntime())), catalog, oneWorker());
        AnalysisJob seen = job;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.state() != JobState.DONE && seen.state() != JobState.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = queue.job(job.id()).orElseThrow();
        }
        assertEquals(JobState.DONE, seen.state(), String.valueOf(seen));
    }

    /** The database, whose connections are refused (as by a stopped server) while {@link #down} is set. */
    private Database flaky(Database real) {
        DataSource source = real.dataSource();
        DataSource refusing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        refusedConnections.incrementAndGet();
                        throw new SQLTransientConnectionException("connection refused", "08001");
                    }
                    return invoke(method, source, args);
                });
        return (Database) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Database.class},
                (proxy, method, args) -> method.getName().equals("dataSource") ? refusing : invoke(method, real, args));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static DspConfig oneWorker() {
        return new DspConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DspConfig.class;
            }

            @Override
            public String audio_folder() {
                return "";
            }

            @Override
            public int max_upload_mb() {
                return 10;
            }

            @Override
            public int worker_threads() {
                return 1;
            }

            @Override
            public int stale_job_seconds() {
                return 300;
            }

            @Override
            public String library_roots() {
                return "";
            }
        };
    }
}
