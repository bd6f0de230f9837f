package org.audotics.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.audotics.cache.api.Cache;
import org.audotics.history.api.EventType;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.PlayedTrack;
import org.audotics.history.api.RecordResult;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.StoredEvent;
import org.audotics.history.api.TimeRange;
import org.audotics.history.internal.store.EventStore;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.internal.HistoryTestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL write path (COPY of the events, rollups upserted from arrays, the user's version) and the read
 * cache, on a fresh PostgreSQL database: two service instances ("nodes") share it and one cache, as two servers
 * share PostgreSQL and Redis.
 */
class PostgresHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** A shared cache, as Redis is for every node; counts hits, and can drop writes as an unreachable Redis does. */
    static final class SharedCache implements Cache {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        final AtomicInteger hits = new AtomicInteger();
        volatile boolean writesLost;

        @Override
        public Optional<String> get(String key) {
            Optional<String> value = Optional.ofNullable(entries.get(key));
            value.ifPresent(v -> hits.incrementAndGet());
            return value;
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            if (!writesLost) {
                entries.put(key, value);
            }
        }

        @Override
        public void delete(Collection<String> keys) {
            if (!writesLost) {
                keys.forEach(entries::remove);
            }
        }

        @Override
        public OptionalLong increment(String key, Duration ttl) {
            throw new UnsupportedOperationException("not used by the history");
        }
    }

    private static HistoryTestDatabases postgres;
    private static TrackCatalog catalog;
    private static SharedCache cache;
    private static JdbcHistoryService one;
    private static JdbcHistoryService two;

    @BeforeAll
    static void open() throws Exception {
        postgres = new HistoryTestDatabases();
        postgres.database.migrate(JdbcHistoryService.class, JdbcHistoryService.CHANGELOG);
        // a backslash and a tab in an id: COPY's text format must escape them, not shift a column
        catalog = new TrackCatalog().add("t1", 200_000, "a1").add("t2", 100_000, "a1", "a2").add("t\\3\tx", 100_000, "a3");
        cache = new SharedCache();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        one = new JdbcHistoryService(new EventStore(postgres.database.dataSource(), true), catalog, clock, new HistoryCache(cache, Duration.ofMinutes(5)));
        two = new JdbcHistoryService(new EventStore(postgres.database.dataSource(), true), catalog, clock, new HistoryCache(cache, Duration.ofMinutes(5)));
    }

    @AfterAll
    static void close() throws Exception {
        postgres.close();
    }

    private static ListeningEvent play(String track, Instant at, long ms) {
        return new ListeningEvent(EventType.PLAY, track, at, ms, null);
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::id).toList();
    }

    private static long count(String sql, String user) throws Exception {
        try (Connection connection = postgres.database.dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void aBatchIsCopiedWholeWithEveryColumnAndItsRollupsAddUpOverBatches() {
        PlayContext context = new PlayContext(PlayContext.Type.RECOMMENDATION, "req-7");
        List<ListeningEvent> batch = List.of(play("t1", NOW.minusSeconds(600), 200_000),
                new ListeningEvent(EventType.PLAY, "t\\3\tx", NOW.minusSeconds(500), 50_000, context),
                new ListeningEvent(EventType.SKIP, "t2", NOW.minusSeconds(400), 3_000, null));
        assertEquals(new RecordResult("c-1", 3, false), one.record("copy", "c-1", batch));
        List<StoredEvent> stored = one.events("copy", null, 10);
        assertEquals(List.of("t1", "t\\3\tx", "t2"), stored.stream().map(event -> event.event().trackId()).toList());
        assertEquals(batch.get(1), stored.get(1).event());
        assertEquals(0.5, stored.get(1).weight(), 1e-9);
        assertEquals(EventType.SKIP, stored.get(2).event().type());
        assertEquals(3_000, stored.get(2).event().msPlayed());
        // a second batch on the same rows adds to them: t1 1.0 + 1.0, one rollup row per (track, day)
        one.record("copy", "c-2", List.of(play("t1", NOW.minusSeconds(60), 200_000)));
        assertEquals(List.of("t1", "t\\3\tx"), ids(one.topTracks("copy", TimeRange.SHORT_TERM, 0, 10).items()));
        assertEquals(2.0, one.topTracks("copy", TimeRange.SHORT_TERM, 0, 10).items().get(0).score(), 1e-9);
        assertEquals(Map.of("t1", 2L, "t2", 0L), one.playCounts("copy", List.of("t1", "t2")));
        assertEquals(List.of("a1", "a3"), ids(one.topArtists("copy", TimeRange.LONG_TERM, 0, 10).items()));
        assertEquals(new RecordResult("c-1", 3, true), two.record("copy", "c-1", batch));
        assertEquals(4, one.events("copy", null, 10).size());
    }

    @Test
    void bannedTracksComeFromTheIndexOfBanEvents() throws Exception {
        one.record("banner", "n-1", List.of(new ListeningEvent(EventType.BAN, "t2", NOW.minusSeconds(30), 0, null),
                play("t1", NOW.minusSeconds(20), 200_000), new ListeningEvent(EventType.BAN, "t\\3\tx", NOW.minusSeconds(10), 0, null)));
        two.record("banner", "n-2", List.of(new ListeningEvent(EventType.BAN, "t2", NOW.minusSeconds(5), 0, null)));
        assertEquals(java.util.Set.of("t2", "t\\3\tx"), two.bannedTracks("banner"));
        assertTrue(one.bannedTracks("copy-nobody").isEmpty());
        try (Connection connection = postgres.database.dataSource().getConnection()) {
            connection.setAutoCommit(false); // SET LOCAL lasts until the end of this transaction only
            connection.createStatement().execute("SET LOCAL enable_seqscan = off");
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + EventStore.BANNED_TRACKS)) {
                explain.setString(1, "banner");
                explain.setInt(2, org.audotics.history.api.HistoryService.MAX_BANNED_TRACKS);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("ix_history_event_bans"), plan.toString());
            }
            connection.rollback();
        }
    }

    @Test
    void aBatchThatFailsInTheDatabaseStoresNothingAndLeavesItsBatchIdUnused() throws Exception {
        String tooLong = "u".repeat(65); // user_id is varchar(64): the COPY itself fails
        assertThrows(StorageException.class, () -> one.record(tooLong, "f-1", List.of(play("t1", NOW, 1_000))));
        assertEquals(0, count("SELECT count(*) FROM history_batch WHERE user_id = ?", tooLong));
        assertEquals(0, count("SELECT count(*) FROM history_event WHERE user_id = ?", tooLong));
        // the pooled connection is usable again and the next batch goes through
        assertFalse(one.record("after-failure", "f-1", List.of(play("t1", NOW, 1_000))).duplicate());
    }

    @Test
    void concurrentSendsOfOneBatchOnTwoNodesStoreItOnceAndTheOthersAnswerDuplicate() throws Exception {
        List<ListeningEvent> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(play(i % 2 == 0 ? "t1" : "t2", NOW.minusSeconds(i), 1_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RecordResult>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JdbcHistoryService node = i % 2 == 0 ? one : two;
                sends.add(pool.submit(() -> node.record("racer", "same", batch)));
            }
            int firsts = 0;
            for (Future<RecordResult> send : sends) {
                RecordResult result = send.get();
                assertEquals(500, result.stored());
                firsts += result.duplicate() ? 0 : 1;
            }
            assertEquals(1, firsts);
        } finally {
            pool.shutdown();
        }
        assertEquals(500, count("SELECT count(*) FROM history_event WHERE user_id = ?", "racer"));
        assertEquals(250, count("SELECT sum(plays) FROM history_track_day WHERE user_id = ? AND track_id = 't1'", "racer"));
    }

    @Test
    void cachedTopItemsAndRecentPlaysAreNeverOlderThanTheLastStoredBatchOnAnyNode() {
        String user = "cached";
        assertTrue(two.topTracks(user, TimeRange.SHORT_TERM, 0, 10).items().isEmpty(), "no batch yet: read, not cached");
        one.record(user, "k-0", List.of(play("t1", NOW.minusSeconds(300), 200_000)));
        for (int round = 1; round <= 5; round++) {
            assertEquals("t1", two.topTracks(user, TimeRange.SHORT_TERM, 0, 10).items().get(0).id());
            int hits = cache.hits.get();
            two.topTracks(user, TimeRange.SHORT_TERM, 0, 10);
            two.recentlyPlayed(user, null, null, 50);
            two.recentlyPlayed(user, null, null, 50);
            assertTrue(cache.hits.get() >= hits + 2, "round " + round + ": the repeated reads come from the cache");
            // a Redis that drops writes does not matter: the new version alone makes the old copies unused
            cache.writesLost = round % 2 == 0;
            one.record(user, "k-" + round, List.of(play("t2", NOW.minusSeconds(200 - round), 10_000)));
            cache.writesLost = false;
            List<ScoredItem> top = two.topTracks(user, TimeRange.SHORT_TERM, 0, 10).items();
            assertEquals(List.of("t1", "t2"), ids(top), "round " + round);
            assertEquals(0.1 * round, top.get(1).score(), 1e-9, "round " + round + ": every batch counted");
            List<PlayedTrack> recent = two.recentlyPlayed(user, null, null, 50);
            assertEquals(round + 1, recent.size(), "round " + round);
            assertEquals("t2", recent.get(0).trackId());
        }
        two.recentlyPlayed(user, null, null, 50);
        one.deleteUser(user);
        assertTrue(two.topTracks(user, TimeRange.SHORT_TERM, 0, 10).items().isEmpty(), "deleted: nothing cached is answered");
        assertTrue(two.recentlyPlayed(user, null, null, 50).isEmpty());
        one.record(user, "k-0", List.of(play("t2", NOW.minusSeconds(10), 100_000)));
        assertEquals(List.of("t2"), ids(two.topTracks(user, TimeRange.SHORT_TERM, 0, 10).items()));
    }

    @Test
    void tasteProfilesAndBansComeFromTheCacheAtTheUsersVersionAndABanIsSeenAtOnceOnAnyNode() {
        String user = "taste";
        one.record(user, "p-0", List.of(play("t1", NOW.minusSeconds(300), 200_000),
                new ListeningEvent(EventType.BAN, "t2", NOW.minusSeconds(200), 0, null)));
        assertEquals(List.of("t1"), ids(two.profile(user, TimeRange.LONG_TERM, 100).tracks()));
        assertEquals(java.util.Set.of("t2"), two.bannedTracks(user));
        int hits = cache.hits.get();
        assertEquals(List.of("t1"), ids(two.profile(user, TimeRange.LONG_TERM, 100).tracks()));
        assertEquals(java.util.Set.of("t2"), two.bannedTracks(user));
        assertTrue(cache.hits.get() >= hits + 3, "the profile's tracks and artists and the bans come from the cache");
        cache.writesLost = true; // even when the new answers are not cached, the new version makes the old ones unused
        one.record(user, "p-1", List.of(new ListeningEvent(EventType.BAN, "t1", NOW.minusSeconds(100), 0, null)));
        cache.writesLost = false;
        assertEquals(java.util.Set.of("t1", "t2"), two.bannedTracks(user), "node two sees node one's ban at once");
    }
}
