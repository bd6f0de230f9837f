package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.audotics.catalog.api.CatalogEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.service.event.Event;

/**
 * The index kept by the catalog's change events (created, updated, deleted tracks with the revision of their
 * write) and the revision poll as the safety net. Time is a test clock: the gap grace passes only when a test
 * moves it; the poll runs only when a test asks ({@link #refresh()}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeatureIndexerEventsTest {

    private static final Duration GRACE = Duration.ofSeconds(3);

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final AtomicLong now = new AtomicLong(1_000);
    private FeatureKnnRecommender engine;

    @BeforeEach
    void start() throws Exception {
        catalog.put(InMemoryCatalog.track("a", 0.2));
        catalog.put(InMemoryCatalog.track("b", 0.5));
        engine = new FeatureKnnRecommender(catalog, Duration.ofHours(1), Duration.ZERO, GRACE, now::get);
        settle();
        assertEquals(1, engine.indexer().buildsFinished());
        assertEquals(catalog.revision(), engine.indexer().coveredRevision());
    }

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    private void settle() throws Exception {
        engine.executor().submit(() -> { }).get();
    }

    private void refresh() throws Exception {
        engine.executor().submit(engine.indexer()::refresh).get();
    }

    private void passTime(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static Event change(String topic, long revision, String... ids) {
        return new Event(topic, Map.of(CatalogEvents.IDS, ids, CatalogEvents.REVISION, revision));
    }

    private List<String> energetic() {
        return engine.recommend(new org.audotics.recommendation.api.RecommendationRequest(List.of(), List.of(), List.of("rock"),
                Map.of(org.audotics.recommendation.api.TunableAttribute.ENERGY, new org.audotics.recommendation.api.AttributeBounds(
                        org.audotics.recommendation.api.TunableAttribute.ENERGY, null, null, 0.9)), null), 10)
                .stream().map(org.audotics.recommendation.api.ScoredTrack::trackId).toList();
    }

    @Test
    void createdUpdatedAndDeletedTracksArePatchedInWithoutARebuild() throws Exception {
        catalog.put(InMemoryCatalog.track("n", 0.9));
        engine.handleEvent(change(CatalogEvents.TRACK_CREATED, catalog.revision(), "n"));
        catalog.put(InMemoryCatalog.track("a", 0.8));
        engine.handleEvent(change(CatalogEvents.TRACK_UPDATED, catalog.revision(), "a"));
        catalog.remove("b");
        engine.handleEvent(change(CatalogEvents.TRACK_DELETED, catalog.revision(), "b"));
        settle();
        passTime(GRACE.multipliedBy(2));
        refresh();

        assertEquals(List.of("n", "a"), energetic());
        assertEquals(1, engine.indexer().buildsFinished(), "patched, not rebuilt");
        assertEquals(catalog.revision(), engine.indexer().coveredRevision());
    }

    @Test
    void aBurstOfWritesWithTheirEventsNeverRebuilds() throws Exception {
        for (int i = 0; i < 500; i++) {
            String id = String.format("t%04d", i);
            catalog.put(InMemoryCatalog.track(id, i / 500.0));
            engine.handleEvent(change(CatalogEvents.TRACK_CREATED, catalog.revision(), id));
            if (i % 50 == 0) {
                passTime(GRACE.multipliedBy(2));
                refresh(); // the poll, between events
            }
        }
        settle();
        passTime(GRACE.multipliedBy(2));
        refresh();

        assertEquals(1, engine.indexer().buildsFinished());
        assertEquals(502, engine.indexer().current().size());
        assertEquals(catalog.revision(), engine.indexer().coveredRevision());
    }

    @Test
    void aWriteWhoseEventNeverComesIsRebuiltAfterTheGrace() throws Exception {
        catalog.put(InMemoryCatalog.track("lost", 0.95)); // its event was lost on the way from another node
        refresh();
        assertEquals(1, engine.indexer().buildsFinished(), "within the grace the event may still be in flight");
        passTime(GRACE.minusMillis(1));
        refresh();
        assertEquals(1, engine.indexer().buildsFinished());

        passTime(Duration.ofMillis(1));
        refresh();
        assertEquals(2, engine.indexer().buildsFinished(), "the gap stayed open: rebuilt from the catalog");
        assertTrue(engine.indexer().current().contains("lost"));
        assertEquals(catalog.revision(), engine.indexer().coveredRevision());
    }

    @Test
    void anEventArrivingLateAndOutOfOrderClosesTheGapWithoutARebuild() throws Exception {
        long base = catalog.revision();
        catalog.put(InMemoryCatalog.track("x", 0.7));
        catalog.put(InMemoryCatalog.track("y", 0.6));
        engine.handleEvent(change(CatalogEvents.TRACK_CREATED, base + 2, "y")); // y's event overtook x's
        settle();
        refresh();
        assertEquals(base, engine.indexer().coveredRevision(), "revision " + (base + 1) + " not seen yet");
        passTime(GRACE.dividedBy(2));
        engine.handleEvent(change(CatalogEvents.TRACK_CREATED, base + 1, "x"));
        settle();
        assertEquals(base + 2, engine.indexer().coveredRevision());
        passTime(GRACE.multipliedBy(2));
        refresh();

        assertEquals(1, engine.indexer().buildsFinished());
        assertTrue(engine.indexer().current().contains("x") && engine.indexer().current().contains("y"));
    }

    @Test
    void artistAndAlbumEventsPatchNothingAndCoverNoRevision() throws Exception {
        long before = engine.indexer().coveredRevision();
        engine.handleEvent(change(CatalogEvents.ARTIST_CREATED, before + 1, "a"));
        engine.handleEvent(change(CatalogEvents.ALBUM_UPDATED, before + 1, "b"));
        settle();
        assertEquals(before, engine.indexer().coveredRevision(),
                "only track events count: a write's track event might still be missing");
        assertEquals(0, engine.indexer().patchesApplied());
    }

    @Test
    void aRepeatedOrOldEventIsHarmless() throws Exception {
        long covered = engine.indexer().coveredRevision();
        engine.handleEvent(change(CatalogEvents.TRACK_UPDATED, covered, "a"));
        engine.handleEvent(change(CatalogEvents.TRACK_UPDATED, 1, "a"));
        settle();
        assertEquals(covered, engine.indexer().coveredRevision());
        assertEquals(List.of("b", "a"), energetic());
        assertFalse(engine.indexer().current().contains("gone"));
    }

    @Test
    void revisionCoverageAdvancesOnlyOverConsecutiveRevisions() {
        RevisionCoverage coverage = new RevisionCoverage(0);
        coverage.built(10);
        coverage.note(12);
        coverage.note(13);
        assertEquals(10, coverage.covered());
        assertEquals(2, coverage.waitingPastAGap());
        coverage.note(11);
        assertEquals(13, coverage.covered());
        coverage.note(20);
        coverage.built(15); // a rebuild read the catalog at 15: the gap before it is gone, 20 still waits for 16..19
        assertEquals(15, coverage.covered());
        assertEquals(1, coverage.waitingPastAGap());
        coverage.reset();
        assertEquals(0, coverage.covered());
    }
}
