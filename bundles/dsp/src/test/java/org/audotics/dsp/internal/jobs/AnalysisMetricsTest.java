package org.audotics.dsp.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.models.FeatureModels;
import org.audotics.dsp.internal.models.TrackAnalyzer;
import org.audotics.metrics.api.Metrics;
import org.audotics.ml.internal.Dl4jModelRuntime;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis metrics on a real embedded queue, recorded as the metrics bundle would keep them. */
class AnalysisMetricsTest {

    /** Gauges keyed "name tagvalue", counts as "name tagvalue" lines. */
    static final class RecordingMetrics implements Metrics {
        final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();
        final List<String> counts = new CopyOnWriteArrayList<>();

        @Override
        public void time(String name, long nanos, String... tags) {
        }

        @Override
        public void count(String name, double amount, String... tags) {
            counts.add(name + " " + String.join("=", tags) + " " + amount);
        }

        @Override
        public Gauge gauge(String name, String description, DoubleSupplier value, String... tags) {
            String key = name + " " + tags[1];
            gauges.put(key, value);
            return () -> gauges.remove(key);
        }
    }

    @TempDir
    Path data;

    private PooledDatabase database;
    private AnalysisStore store;
    private final RecordingMetrics recorded = new RecordingMetrics();
    private final AnalysisMetrics metrics = new AnalysisMetrics();

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        store = new AnalysisStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theQueueDepthIsCountedByStateAtMostOncePerRefreshInterval() {
        metrics.reportTo(recorded);
        store.create("t1", "/a/1.wav", null);
        store.create("t2", "/a/2.wav", null);
        store.claimNext("node-a");
        metrics.refreshQueue(store, 1_000);
        assertEquals(1.0, recorded.gauges.get("audotics.analysis.queue queued").getAsDouble());
        assertEquals(1.0, recorded.gauges.get("audotics.analysis.queue running").getAsDouble());

        store.create("t3", "/a/3.wav", null);
        metrics.refreshQueue(store, 1_000 + AnalysisMetrics.REFRESH_NANOS - 1);
        assertEquals(1.0, recorded.gauges.get("audotics.analysis.queue queued").getAsDouble(), "counted again too soon");
        metrics.refreshQueue(store, 1_000 + AnalysisMetrics.REFRESH_NANOS);
        assertEquals(2.0, recorded.gauges.get("audotics.analysis.queue queued").getAsDouble());

        metrics.stopReportingTo(new RecordingMetrics());
        assertEquals(2, recorded.gauges.size(), "another sink's unbind removed these gauges");
        metrics.stopReportingTo(recorded);
        assertTrue(recorded.gauges.isEmpty(), recorded.gauges.keySet().toString());
    }

    @Test
    void aJobThatCannotBeAnalysedCountsAsFailed() throws Exception {
        metrics.reportTo(recorded);
        Path notAudio = Files.writeString(data.resolve("notes.wav"), "not audio at all");
        CatalogService catalog = (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> method.getName().equals("updateAudioFeatures") ? Boolean.TRUE : null);
        JobRunner runner = new JobRunner(TrackAnalyzer.withModels(FeatureModels.load(new Dl4jModelRuntime())), catalog, metrics);
        store.create("t1", notAudio.toString(), null);
        AnalysisJob job = store.claimNext("node-a").orElseThrow();
        runner.run(store, job);
        assertEquals(JobState.FAILED, store.job(job.id()).orElseThrow().state());
        assertEquals(List.of("audotics.analysis.tracks result=failed 1.0"), recorded.counts);
    }

    @Test
    void withoutAMetricsBundleNothingIsCountedOrQueried() {
        metrics.refreshQueue(null, 1_000); // a query would fail on the null store
        metrics.finished(true);
        assertTrue(recorded.counts.isEmpty());
    }
}
