package org.audotics.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.audotics.history.api.CoListenedArtist;
import org.audotics.history.api.EventType;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.internal.store.EventStore;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Co-listened artists on the embedded H2: listeners with known listening, and the similarity's exact values. */
class CoListenedArtistsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path data;
    private PooledDatabase database;
    private JdbcHistoryService history;
    private int batches;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        database.migrate(JdbcHistoryService.class, JdbcHistoryService.CHANGELOG);
        TrackCatalog catalog = new TrackCatalog().add("tA", 200_000, "A").add("tB", 200_000, "B").add("tC", 200_000, "C")
                .add("tD", 200_000, "D");
        history = new JdbcHistoryService(new EventStore(database.dataSource(), false), catalog, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The user plays each track once, half of it, on two different days (two rollup rows per artist). */
    private void plays(String user, String... tracks) {
        List<ListeningEvent> events = new ArrayList<>();
        for (String track : tracks) {
            events.add(new ListeningEvent(EventType.PLAY, track, NOW.minusSeconds(3_600), 100_000, null));
            events.add(new ListeningEvent(EventType.PLAY, track, NOW.minusSeconds(3 * 86_400), 100_000, null));
        }
        history.record(user, "b" + batches++, events);
    }

    private void skips(String user, String track) {
        history.record(user, "b" + batches++, List.of(new ListeningEvent(EventType.SKIP, track, NOW.minusSeconds(60), 0, null)));
    }

    @Test
    void ranksArtistsByTheCosineOfTheirListenerSets() {
        // listeners: A {u1, u2, u3}; B {u1, u2, u6}; C {u1, u3, u4, u5}; D {u1}
        plays("u1", "tA", "tB", "tC", "tD");
        plays("u2", "tA", "tB");
        plays("u3", "tA", "tC");
        plays("u4", "tC");
        plays("u5", "tC");
        plays("u6", "tB");

        List<CoListenedArtist> related = history.coListenedArtists("A", 10);

        assertEquals(List.of("B", "C"), related.stream().map(CoListenedArtist::artistId).toList());
        assertEquals(2 / Math.sqrt(3 * 3), related.get(0).similarity(), 1e-9);
        assertEquals(2 / Math.sqrt(3 * 4), related.get(1).similarity(), 1e-9);
        assertEquals(2, related.get(0).sharedListeners());
    }

    @Test
    void oneSharedListenerIsNotEnoughAndTheArtistItselfIsNeverAnswered() {
        plays("u1", "tA", "tD");
        plays("u2", "tA");
        assertEquals(List.of(), history.coListenedArtists("A", 10));

        plays("u2", "tD");
        assertEquals(List.of("D"), history.coListenedArtists("A", 10).stream().map(CoListenedArtist::artistId).toList());
        assertEquals(1.0, history.coListenedArtists("A", 10).get(0).similarity(), 1e-9);
    }

    @Test
    void aSkipOrBanAloneDoesNotMakeAListener() {
        plays("u1", "tA", "tB");
        plays("u2", "tB");
        skips("u2", "tA");
        history.record("u3", "ban", List.of(new ListeningEvent(EventType.BAN, "tA", NOW.minusSeconds(30), 0, null)));
        plays("u3", "tB");
        // A's only listener is u1: one shared listener at most
        assertEquals(List.of(), history.coListenedArtists("A", 10));
    }

    @Test
    void answersAtMostTheLimitAndRejectsALimitOutOfRange() {
        plays("u1", "tA", "tB", "tC", "tD");
        plays("u2", "tA", "tB", "tC", "tD");
        assertEquals(List.of("B"), history.coListenedArtists("A", 1).stream().map(CoListenedArtist::artistId).toList());
        assertEquals(List.of("B", "C", "D"), history.coListenedArtists("A", 50).stream().map(CoListenedArtist::artistId).toList());
        assertTrue(history.coListenedArtists("nobody-listens", 10).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> history.coListenedArtists("A", 0));
        assertThrows(IllegalArgumentException.class, () -> history.coListenedArtists("A", 51));
    }

    @Test
    void forgetsADeletedListener() {
        plays("u1", "tA", "tB");
        plays("u2", "tA", "tB");
        history.deleteUser("u2");
        assertEquals(List.of(), history.coListenedArtists("A", 10));
    }
}
