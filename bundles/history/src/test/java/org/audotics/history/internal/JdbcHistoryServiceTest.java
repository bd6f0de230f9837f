package org.audotics.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.audotics.history.api.EventType;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.history.api.InvalidEventsException;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.PlayedTrack;
import org.audotics.history.api.RecordResult;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.StoredEvent;
import org.audotics.history.api.TasteProfile;
import org.audotics.history.api.TimeRange;
import org.audotics.history.api.TopItems;
import org.audotics.history.internal.store.EventStore;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history service on the embedded H2 database the server uses by default. */
class JdbcHistoryServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path data;
    private PooledDatabase database;
    private TrackCatalog catalog;
    private JdbcHistoryService history;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        database.migrate(JdbcHistoryService.class, JdbcHistoryService.CHANGELOG);
        catalog = new TrackCatalog().add("t1", 200_000, "a1").add("t2", 100_000, "a1", "a2").add("t3", 100_000, "a3");
        history = new JdbcHistoryService(new EventStore(database.dataSource(), false), catalog, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static ListeningEvent play(String track, Instant at, long ms) {
        return new ListeningEvent(EventType.PLAY, track, at, ms, null);
    }

    private static ListeningEvent event(EventType type, String track, Instant at) {
        return new ListeningEvent(type, track, at, 0, null);
    }

    @Test
    void storesABatchAndAnswersARetriedBatchIdAsADuplicateWithoutStoringAgain() {
        List<ListeningEvent> batch = List.of(play("t1", NOW.minusSeconds(600), 100_000), play("t2", NOW.minusSeconds(300), 100_000));
        assertEquals(new RecordResult("b-1", 2, false), history.record("u1", "b-1", batch));
        assertEquals(new RecordResult("b-1", 2, true), history.record("u1", "b-1", List.of(play("t3", NOW, 1))));
        assertEquals(2, history.events("u1", null, 100).size());
        // the same batch id of another user is another batch
        assertFalse(history.record("u2", "b-1", batch).duplicate());
    }

    @Test
    void concurrentSendsOfOneBatchStoreItOnce() throws Exception {
        List<ListeningEvent> batch = List.of(play("t1", NOW.minusSeconds(60), 1_000));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RecordResult>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(pool.submit(() -> {
                    try {
                        return history.record("u1", "same", batch);
                    } catch (org.audotics.storage.api.StorageException lostRace) {
                        return null; // H2 may answer a conflict (409 for the client, who retries)
                    }
                }));
            }
            long firsts = 0;
            for (Future<RecordResult> send : sends) {
                RecordResult result = send.get();
                if (result != null && !result.duplicate()) {
                    firsts++;
                }
            }
            assertEquals(1, firsts);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, history.events("u1", null, 100).size());
    }

    @Test
    void rejectsUnknownTracksAndFutureEventsByIndexAndStoresNothingOfTheBatch() {
        List<ListeningEvent> batch = List.of(play("t1", NOW.minusSeconds(10), 1), play("nope", NOW.minusSeconds(10), 1),
                play("t2", NOW.plus(Duration.ofMinutes(5)), 1), play("t3", NOW.plusSeconds(30), 1));
        InvalidEventsException e = assertThrows(InvalidEventsException.class, () -> history.record("u1", "b", batch));
        assertEquals(2, e.rejections().size());
        assertEquals(1, e.rejections().get(0).index());
        assertTrue(e.rejections().get(0).reason().contains("'nope' is not in the catalog"), e.rejections().get(0).reason());
        assertEquals(2, e.rejections().get(1).index());
        assertTrue(e.rejections().get(1).reason().contains("future"));
        assertTrue(history.events("u1", null, 10).isEmpty());
        // the batch id was not used up: the corrected batch is stored
        assertFalse(history.record("u1", "b", List.of(batch.get(0))).duplicate());
    }

    @Test
    void refusesMalformedBatchIdsAndBatchSizes() {
        assertThrows(IllegalArgumentException.class, () -> history.record("u1", "has space", List.of(play("t1", NOW, 1))));
        assertThrows(IllegalArgumentException.class, () -> history.record("u1", "b", List.of()));
        List<ListeningEvent> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.add(play("t1", NOW, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> history.record("u1", "b", tooMany));
    }

    @Test
    void looksTracksUpInBulkOncePerHundredNewIdsAndThenFromMemory() {
        for (int i = 0; i < 250; i++) {
            catalog.add("x" + i, 1000, "a1");
        }
        List<ListeningEvent> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(play("x" + i, NOW.minusSeconds(i), 500));
        }
        history.record("u1", "first", batch);
        assertEquals(3, catalog.lookups.get());
        history.record("u1", "second", batch);
        assertEquals(3, catalog.lookups.get());
        history.handleEvent(new org.osgi.service.event.Event(org.audotics.catalog.api.CatalogEvents.TRACK_UPDATED,
                Map.of(org.audotics.catalog.api.CatalogEvents.IDS, new String[] {"x1"})));
        history.record("u1", "third", batch);
        assertEquals(4, catalog.lookups.get());
    }

    @Test
    void recentlyPlayedPagesNewestFirstWithBeforeAndAfterCursors() {
        List<ListeningEvent> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            batch.add(play("t1", NOW.minusSeconds(60L * i), 1_000)); // i minutes ago
        }
        batch.add(event(EventType.LIKE, "t2", NOW.minusSeconds(1))); // not a play
        history.record("u1", "b", batch);
        List<PlayedTrack> newest = history.recentlyPlayed("u1", null, null, 2);
        assertEquals(List.of(NOW.minusSeconds(60), NOW.minusSeconds(120)), newest.stream().map(PlayedTrack::playedAt).toList());
        List<PlayedTrack> older = history.recentlyPlayed("u1", newest.get(1).playedAt().toEpochMilli(), null, 2);
        assertEquals(List.of(NOW.minusSeconds(180), NOW.minusSeconds(240)), older.stream().map(PlayedTrack::playedAt).toList());
        List<PlayedTrack> newer = history.recentlyPlayed("u1", null, NOW.minusSeconds(300).toEpochMilli(), 2);
        assertEquals(List.of(NOW.minusSeconds(180), NOW.minusSeconds(240)), newer.stream().map(PlayedTrack::playedAt).toList());
        assertThrows(IllegalArgumentException.class, () -> history.recentlyPlayed("u1", 1L, 1L, 2));
        assertTrue(history.recentlyPlayed("u2", null, null, 50).isEmpty());
    }

    @Test
    void topItemsWeighCompletionCountSkipsAgainstAndRespectTheTimeRange() {
        history.record("u1", "b", List.of(
                play("t1", NOW.minusSeconds(3600), 200_000),                 // t1: 1.0
                play("t1", NOW.minusSeconds(1800), 100_000),                 // t1: +0.5
                play("t2", NOW.minusSeconds(1200), 100_000),                 // t2: 1.0
                event(EventType.SKIP, "t2", NOW.minusSeconds(600)),           // t2: -0.5
                event(EventType.LIKE, "t3", NOW.minus(Duration.ofDays(100))), // t3: 2.0, only in medium and long term
                event(EventType.BAN, "t2", NOW.minus(Duration.ofDays(300)))));// t2: -4 in the long term only
        TopItems shortTerm = history.topTracks("u1", TimeRange.SHORT_TERM, 0, 10);
        assertEquals(List.of("t1", "t2"), ids(shortTerm));
        assertEquals(1.5, shortTerm.items().get(0).score(), 1e-9);
        assertEquals(2, shortTerm.items().get(0).plays());
        assertEquals(0.5, shortTerm.items().get(1).score(), 1e-9);
        assertEquals(List.of("t3", "t1", "t2"), ids(history.topTracks("u1", TimeRange.MEDIUM_TERM, 0, 10)));
        TopItems longTerm = history.topTracks("u1", TimeRange.LONG_TERM, 0, 10);
        assertEquals(List.of("t3", "t1"), ids(longTerm)); // t2 at -3.5 is not a top track
        assertEquals(2, longTerm.total());
        TopItems secondPage = history.topTracks("u1", TimeRange.LONG_TERM, 1, 1);
        assertEquals(List.of("t1"), ids(secondPage));
        assertEquals(2, secondPage.total());
        TopItems pastTheEnd = history.topTracks("u1", TimeRange.LONG_TERM, 5, 1);
        assertTrue(pastTheEnd.items().isEmpty());
        assertEquals(2, pastTheEnd.total());
        // artists: t1 -> a1 (1.5); t2 -> a1 and a2 (0.5 each) in the short term
        TopItems artists = history.topArtists("u1", TimeRange.SHORT_TERM, 0, 10);
        assertEquals(List.of("a1", "a2"), ids(artists));
        assertEquals(2.0, artists.items().get(0).score(), 1e-9);
        TasteProfile profile = history.profile("u1", TimeRange.LONG_TERM, 1);
        assertEquals(List.of("t3"), profile.tracks().stream().map(ScoredItem::id).toList());
        assertEquals(1, profile.artists().size());
    }

    @Test
    void playCountsCountPlaysOnlyAndAnswerEveryIdAskedFor() {
        history.record("u1", "b", List.of(play("t1", NOW.minusSeconds(30), 10), play("t1", NOW.minusSeconds(20), 10),
                event(EventType.SKIP, "t1", NOW.minusSeconds(10)), play("t2", NOW.minusSeconds(5), 10)));
        assertEquals(Map.of("t1", 2L, "t2", 1L, "t3", 0L), history.playCounts("u1", List.of("t1", "t2", "t3")));
    }

    @Test
    void interactionsAndEventsPageThroughEverythingWithoutRepeats() {
        history.record("u1", "b1", List.of(play("t1", NOW.minusSeconds(30), 100_000), event(EventType.LIKE, "t2", NOW.minusSeconds(40))));
        history.record("u2", "b1", List.of(new ListeningEvent(EventType.PLAY, "t3", NOW.minusSeconds(10), 50_000,
                new PlayContext(PlayContext.Type.RECOMMENDATION, "req-1"))));
        List<Interaction> all = new ArrayList<>();
        long after = 0;
        List<Interaction> page;
        do {
            page = history.interactions(after, 2);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
        } while (page.size() == 2);
        assertEquals(3, all.size());
        assertEquals(List.of("t1", "t2", "t3"), all.stream().map(Interaction::trackId).toList());
        assertEquals(0.5, all.get(0).weight(), 1e-9);
        assertEquals(EventType.LIKE_WEIGHT, all.get(1).weight(), 1e-9);
        List<StoredEvent> first = history.events("u1", null, 1);
        assertEquals("t2", first.get(0).event().trackId()); // oldest first
        List<StoredEvent> second = history.events("u1", first.get(0), 5);
        assertEquals(List.of("t1"), second.stream().map(stored -> stored.event().trackId()).toList());
        assertEquals(new PlayContext(PlayContext.Type.RECOMMENDATION, "req-1"), history.events("u2", null, 5).get(0).event().context());
    }

    @Test
    void deletingAUserRemovesTheirEventsRollupsAndBatchIdsOnly() {
        history.record("u1", "b1", List.of(play("t1", NOW.minusSeconds(30), 100_000)));
        history.record("u2", "b1", List.of(play("t1", NOW.minusSeconds(30), 100_000)));
        new AccountDeletions(history).handleEvent(new org.osgi.service.event.Event(org.audotics.auth.api.AccountEvents.ACCOUNT_DELETED,
                Map.of(org.audotics.auth.api.AccountEvents.USER_ID, "u1")));
        assertTrue(history.events("u1", null, 10).isEmpty());
        assertTrue(history.topTracks("u1", TimeRange.LONG_TERM, 0, 10).items().isEmpty());
        assertEquals(1, history.events("u2", null, 10).size());
        assertFalse(history.record("u1", "b1", List.of(play("t1", NOW.minusSeconds(30), 1))).duplicate());
    }

    @Test
    void bannedTracksAreTheDistinctBansOfOneListenerReadThroughTheirIndex() throws Exception {
        history.record("u1", "b1", List.of(event(EventType.BAN, "t2", NOW.minusSeconds(50)), play("t1", NOW.minusSeconds(40), 100_000),
                event(EventType.SKIP, "t3", NOW.minusSeconds(30)), event(EventType.UNLIKE, "t1", NOW.minusSeconds(20)),
                event(EventType.BAN, "t1", NOW.minusSeconds(10))));
        history.record("u1", "b2", List.of(event(EventType.BAN, "t2", NOW.minusSeconds(5))));
        history.record("u2", "b1", List.of(event(EventType.BAN, "t3", NOW.minusSeconds(5))));
        assertEquals(List.of("t1", "t2"), List.copyOf(history.bannedTracks("u1")));
        assertEquals(java.util.Set.of("t3"), history.bannedTracks("u2"));
        assertTrue(history.bannedTracks("nobody").isEmpty());
        try (java.sql.Connection connection = database.dataSource().getConnection();
             java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN " + EventStore.BANNED_TRACKS)) {
            explain.setString(1, "u1");
            explain.setInt(2, HistoryService.MAX_BANNED_TRACKS);
            try (java.sql.ResultSet plan = explain.executeQuery()) {
                plan.next();
                assertTrue(plan.getString(1).toUpperCase().contains("IX_HISTORY_EVENT_BANS"), plan.getString(1));
            }
        }
    }

    private static List<String> ids(TopItems top) {
        return top.items().stream().map(ScoredItem::id).toList();
    }
}
