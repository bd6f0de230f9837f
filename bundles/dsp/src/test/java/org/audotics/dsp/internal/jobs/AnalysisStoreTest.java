package org.audotics.dsp.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.models.RawFeatures;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis queue on a real embedded database. */
class AnalysisStoreTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private AnalysisStore store;

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
    void jobsAreClaimedOldestFirstAndOnlyOnce() throws Exception {
        AnalysisJob first = store.create("t1", "/a/1.wav", null);
        Thread.sleep(2);
        AnalysisJob second = store.create("t2", "/a/2.wav", null);
        assertEquals(first.id(), store.claimNext("node-a").orElseThrow().id());
        assertEquals(second.id(), store.claimNext("node-b").orElseThrow().id());
        assertTrue(store.claimNext("node-a").isEmpty());
        assertEquals(JobState.RUNNING, store.job(first.id()).orElseThrow().state());
    }

    @Test
    void concurrentClaimsNeverShareAJob() throws Exception {
        for (int i = 0; i < 40; i++) {
            store.create("t" + i, "/a/" + i + ".wav", null);
        }
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> nodes = new java.util.ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String node = "node-" + n;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    store.claimNext(node).ifPresent(job -> claimed.add(job.id()));
                    while (true) {
                        var job = store.claimNext(node);
                        if (job.isEmpty()) {
                            return;
                        }
                        claimed.add(job.get().id());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            nodes.add(thread);
        }
        start.countDown();
        for (Thread thread : nodes) {
            thread.join();
        }
        Set<String> unique = new HashSet<>(claimed);
        assertEquals(40, claimed.size());
        assertEquals(40, unique.size());
    }

    @Test
    void completionStoresTheAnalysisAndReplacesAnEarlierOne() {
        AnalysisJob job = store.create("t1", "/a/1.wav", null);
        store.claimNext("n");
        store.complete(job.id(), analysis(-9.5, 128, 1L));
        assertEquals(JobState.DONE, store.job(job.id()).orElseThrow().state());
        assertEquals(1.0, store.job(job.id()).orElseThrow().progress());
        AnalysisJob again = store.create("t1", "/a/1.wav", null);
        store.claimNext("n");
        TrackAnalysis second = analysis(-8.0, 130, 2L);
        store.complete(again.id(), second);
        TrackAnalysis stored = store.analysis("t1").orElseThrow();
        assertEquals(second, stored, "every field round-trips");
        assertTrue(store.analysis("t2").isEmpty());
    }

    @Test
    void anAnalysisWithoutRawMeasuresReadsBackWithoutThem() {
        AnalysisJob job = store.create("t1", "/a/1.wav", null);
        store.claimNext("n");
        TrackAnalysis withRaw = analysis(-9.5, 128, 1L);
        TrackAnalysis old = new TrackAnalysis(withRaw.trackId(), "0.3.0", withRaw.durationMs(), withRaw.tempoConfidence(), withRaw.keyConfidence(),
                withRaw.timeSignature(), withRaw.timeSignatureConfidence(), withRaw.features(), null, withRaw.structureJson(), 1L, 5L);
        store.complete(job.id(), old);
        assertEquals(old, store.analysis("t1").orElseThrow(), "no raw measures: null, not zeros");
    }

    private static TrackAnalysis analysis(double loudness, double tempo, long at) {
        AudioFeatures features = new AudioFeatures(0.1, 0.2, 0.3, 0.4, 7, 0.5, loudness, 1, 0.6, tempo, 3, 0.7);
        return new TrackAnalysis("t1", "0.4.0", 180_000, 0.9, 0.6, 3, 0.8, features, new RawFeatures(0.31, 0.22, 0.73, 0.14),
                "{\"bars\":[],\"beats\":[],\"tatums\":[],\"sections\":[],\"segments\":[]}", at, 1_234 + at);
    }

    @Test
    void jobsOfANodeThatWentSilentAreQueuedAgainOthersAreNot() throws Exception {
        AnalysisJob dead = store.create("t1", "/a/1.wav", null);
        store.claimNext("dead-node");
        Thread.sleep(20);
        long cutoff = System.currentTimeMillis();
        Thread.sleep(20);
        AnalysisJob alive = store.create("t2", "/a/2.wav", null);
        store.claimNext("live-node");
        store.progress(alive.id(), 0.5);
        assertEquals(1, store.requeueStale(cutoff));
        assertEquals(JobState.QUEUED, store.job(dead.id()).orElseThrow().state());
        assertEquals(JobState.RUNNING, store.job(alive.id()).orElseThrow().state());
        assertEquals(dead.id(), store.claimNext("another-node").orElseThrow().id(), "another node takes it over");
    }

    @Test
    void failureKeepsCodeAndMessage() {
        AnalysisJob job = store.create("t1", "/a/1.wav", null);
        store.claimNext("n");
        store.fail(job.id(), "undecodable_audio", "audio is silent");
        AnalysisJob failed = store.job(job.id()).orElseThrow();
        assertEquals(JobState.FAILED, failed.state());
        assertEquals("undecodable_audio", failed.errorCode());
        assertEquals("audio is silent", failed.errorMessage());
    }

    @Test
    void jobsInterruptedByAStopAreQueuedAgainForTheSameNode() {
        AnalysisJob mine = store.create("t1", "/a/1.wav", null);
        AnalysisJob theirs = store.create("t2", "/a/2.wav", null);
        store.claimNext("me");
        store.claimNext("other");
        assertEquals(1, store.requeueInterrupted("me"));
        assertEquals(JobState.QUEUED, store.job(mine.id()).orElseThrow().state());
        assertEquals(JobState.RUNNING, store.job(theirs.id()).orElseThrow().state());
        assertEquals(mine.id(), store.claimNext("me").orElseThrow().id());
    }

    @Test
    void progressIsRecordedForRunningJobsOnly() {
        AnalysisJob job = store.create("t1", "/a/1.wav", null);
        store.progress(job.id(), 0.5);
        assertEquals(0.0, store.job(job.id()).orElseThrow().progress());
        store.claimNext("n");
        store.progress(job.id(), 0.5);
        assertEquals(0.5, store.job(job.id()).orElseThrow().progress());
    }
}
