package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.service.event.Event;

/**
 * The engine over a catalog in memory, on its own index thread. Nothing here waits for time to pass: the
 * revision is polled only when a test asks ({@link #refresh()}), changes are applied without delay, and a
 * test waits for the index thread by queueing a task behind the work it started ({@link #settle()}). The
 * class timeout only turns a deadlock (a request that waits for a build) into a failure instead of a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeatureKnnRecommenderTest {

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private FeatureKnnRecommender engine;

    @AfterEach
    void stop() {
        catalog.stopHolding();
        if (engine != null) {
            engine.deactivate();
        }
    }

    /** Starts the engine; its first build is queued at once, its next revision check in an hour. */
    private void start() {
        engine = new FeatureKnnRecommender(catalog, Duration.ofHours(1), Duration.ZERO, () -> 0L);
    }

    /** Waits until the index thread has done everything queued before now. */
    private void settle() throws Exception {
        engine.executor().submit(() -> { }).get();
    }

    /** Queues a revision check, as the periodic poll does, and waits for it. */
    private void refresh() throws Exception {
        engine.executor().submit(engine.indexer()::refresh).get();
    }

    private static Event changed(String trackId) {
        return new Event(CatalogEvents.TRACK_FEATURES_UPDATED, Map.of(CatalogEvents.TRACK_ID, trackId));
    }

    /** Near energy 0.9, any seed. */
    private static RecommendationRequest energetic() {
        return new RecommendationRequest(List.of(), List.of(), List.of("rock"), Map.of(TunableAttribute.ENERGY,
                new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.9)), null);
    }

    /** Keeps the index thread busy, as a build would, until the returned latch is counted down. */
    private CountDownLatch holdIndexThread() {
        CountDownLatch busy = new CountDownLatch(1);
        engine.executor().execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return busy;
    }

    private List<String> recommended(int limit) {
        return engine.recommend(energetic(), limit).stream().map(ScoredTrack::trackId).toList();
    }

    @Test
    void isNotReadyUntilTheFirstIndexIsBuiltAndAnswersWithoutWaiting() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = catalog.holdReads(reading);
        start();
        reading.await();

        assertFalse(engine.check().up());
        assertEquals("building index: 0 tracks read", engine.check().detail());
        var notReady = assertThrows(EngineNotReadyException.class, () -> engine.recommend(energetic(), 5));
        assertEquals("feature-knn is building index: 0 tracks read", notReady.getMessage());

        release.countDown();
        catalog.stopHolding();
        settle();
        assertTrue(engine.check().up(), engine.check().detail());
        assertEquals("index of 1 tracks built at catalog revision 2, events up to 2", engine.check().detail());
        assertEquals(List.of("a"), recommended(5));
    }

    @Test
    void anEmptyCatalogIsReadyWithAnEmptyIndex() throws Exception {
        start();
        settle();
        assertTrue(engine.check().up(), engine.check().detail());
        assertEquals(List.of(), recommended(5));
    }

    @Test
    void aCatalogThatIsDownKeepsTheEngineNotReadyUntilItAnswers() throws Exception {
        catalog.down(true);
        start();
        settle();
        assertEquals("building index: 0 tracks read; waiting for the catalog: connection refused", engine.check().detail());
        assertThrows(EngineNotReadyException.class, () -> engine.recommend(energetic(), 5));

        catalog.down(false);
        catalog.put(InMemoryCatalog.track("a", 0.2));
        refresh();
        assertTrue(engine.check().up(), engine.check().detail());
        assertEquals(List.of("a"), recommended(5));
    }

    @Test
    void aRefreshThatFailsKeepsTheIndexServingAndRetries() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        start();
        settle();
        catalog.put(InMemoryCatalog.track("b", 0.9));
        catalog.down(true);
        refresh();
        assertTrue(engine.check().up(), engine.check().detail());
        assertEquals("index of 1 tracks built at catalog revision 2, events up to 2; last refresh failed: connection refused", engine.check().detail());
        assertEquals(List.of("a"), recommended(5));

        catalog.down(false);
        refresh();
        assertEquals(List.of("b", "a"), recommended(5));
        assertEquals("index of 2 tracks built at catalog revision 3, events up to 3", engine.check().detail());
    }

    @Test
    void aPatchThatFailsIsRetried() throws Exception {
        start();
        settle();
        catalog.put(InMemoryCatalog.track("a", 0.2));
        catalog.down(true);
        engine.handleEvent(changed("a"));
        settle();
        assertEquals(0, engine.indexer().patchesApplied());

        catalog.down(false);
        engine.executor().submit(engine.indexer()::patch).get(); // the retry, without waiting for its delay
        assertEquals(List.of("a"), recommended(5));
    }

    @Test
    void aRequestDuringARebuildIsAnsweredFromTheOldIndex() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        start();
        settle();
        catalog.put(InMemoryCatalog.track("b", 0.9)); // another node imported b: only the revision tells
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = catalog.holdReads(reading);
        var rebuild = engine.executor().submit(engine.indexer()::refresh);
        reading.await(); // the rebuild is under way and cannot finish before this thread lets it

        assertEquals(List.of("a"), recommended(5), "answered at once, from the index built before");
        assertTrue(engine.check().up(), "a rebuild does not make the engine unready");

        release.countDown();
        catalog.stopHolding();
        rebuild.get();
        assertEquals(List.of("b", "a"), recommended(5));
    }

    @Test
    void aChangeOnThisNodePatchesTheIndexWithoutARebuild() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        catalog.put(InMemoryCatalog.track("b", 0.5));
        catalog.put(InMemoryCatalog.track("c", 0.6));
        start();
        settle();
        assertEquals(1, engine.indexer().buildsFinished());
        int pagesRead = catalog.pageReads.get();

        catalog.put(InMemoryCatalog.track("a", 0.95)); // analysis changed a's features
        catalog.put(InMemoryCatalog.track("n", 0.85)); // a new track
        catalog.put(InMemoryCatalog.withoutFeatures("c")); // c lost its features
        CountDownLatch busy = holdIndexThread(); // the three events arrive together, as within the coalescing delay
        for (String id : List.of("a", "n", "c")) {
            engine.handleEvent(changed(id));
        }
        busy.countDown();
        settle();

        assertEquals(List.of("a", "n", "b"), recommended(5));
        assertEquals(1, engine.indexer().buildsFinished(), "patched, not rebuilt");
        assertEquals(pagesRead, catalog.pageReads.get(), "the catalog was not read again");
        assertEquals(1, engine.indexer().patchesApplied());
    }

    @Test
    void anImportOnThisNodePatchesTheIndexWithItsTracks() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        start();
        settle();
        catalog.put(InMemoryCatalog.track("n", 0.9));
        catalog.put(InMemoryCatalog.track("m", 0.8));
        CountDownLatch busy = holdIndexThread();
        engine.handleEvent(new Event(CatalogEvents.TRACKS_IMPORTED, Map.of(CatalogEvents.TRACK_IDS, new String[] {"n", "m"})));
        busy.countDown();
        settle();
        assertEquals(List.of("n", "m", "a"), recommended(5));
        assertEquals(1, engine.indexer().patchesApplied());
    }

    @Test
    void aBurstOfChangeEventsIsCoalescedIntoOnePatch() throws Exception {
        start();
        settle();
        CountDownLatch busy = holdIndexThread();
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("t%05d", i);
            catalog.put(InMemoryCatalog.track(id, i / 10_000.0));
            engine.handleEvent(changed(id));
        }
        busy.countDown();
        settle();

        assertEquals(1, engine.indexer().patchesApplied(), "10 000 events, one patch");
        assertEquals(1, engine.indexer().buildsFinished());
        assertEquals(100, catalog.lookups.get(), "read back 100 ids per call");
        assertEquals(10_000, engine.indexer().current().size());
        assertEquals(List.of("t09000", "t08999", "t09001"), recommended(3));
    }

    @Test
    void changesDuringABuildAreAppliedOnTopOfIt() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = catalog.holdReads(reading);
        start();
        reading.await(); // the first build has read a at energy 0.2 and waits

        catalog.put(InMemoryCatalog.track("a", 0.9));
        engine.handleEvent(changed("a"));
        release.countDown();
        catalog.stopHolding();
        settle();

        assertEquals(0.9, engine.indexer().current().vectorOf("a")[2], 1e-9);
    }

    @Test
    void deactivationStopsTheIndexThread() {
        start();
        engine.deactivate();
        assertTrue(engine.executor().isShutdown());
        engine.handleEvent(changed("a")); // an event delivered while stopping is dropped, not an error
        engine = null;
    }
}
