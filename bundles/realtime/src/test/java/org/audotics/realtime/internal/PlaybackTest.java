package org.audotics.realtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.audotics.history.api.EventType;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayContext;
import org.audotics.realtime.api.Playback;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionException.Reason;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionRules.Who;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playback on the embedded H2: time moves by a clock the test sets, so an item's end is computed, not waited for. */
class PlaybackTest {

    @TempDir
    Path data;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        long millis = 1_800_000_000_000L;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** One {@code HistoryService.record} call. */
    private record Recorded(String userId, String batchId, ListeningEvent event) {
    }

    private final HandClock clock = new HandClock();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final Map<String, Long> durations = Map.of("t1", 10_000L, "t2", 20_000L, "t3", 5_000L);

    private HistoryService history() {
        return (HistoryService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HistoryService.class}, (proxy, method, args) -> {
            if (method.getName().equals("record")) {
                @SuppressWarnings("unchecked")
                List<ListeningEvent> events = (List<ListeningEvent>) args[2];
                events.forEach(event -> recorded.add(new Recorded((String) args[0], (String) args[1], event)));
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private void onDatabase(Consumer<DefaultSessionService> work) {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            work.accept(new DefaultSessionService(new RealtimeDatabase(database), new SessionEventPoster(null),
                    ids -> ids.stream().filter(durations::containsKey).collect(java.util.stream.Collectors.toMap(id -> id, durations::get)),
                    new SessionHistory(history()), clock));
        } finally {
            database.close();
        }
    }

    private static SessionSettings settings(double skipShare, Who playback) {
        return new SessionSettings("Test", Visibility.PRIVATE, 10, new SessionRules(Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, skipShare, playback));
    }

    private static Reason refusal(Runnable call) {
        return assertThrows(SessionException.class, call::run).reason();
    }

    @Test
    void playPauseSeekAndThePositionFollowsTheServersClock() {
        onDatabase(sessions -> {
            Session s = sessions.create("alice", settings(0.5, Who.HOST));
            sessions.joinByCode("bob", s.inviteCode());
            assertNull(sessions.playback(s.id(), "bob").itemId(), "nothing plays before the first play");
            assertEquals(Reason.INVALID, refusal(() -> sessions.play(s.id(), "alice")), "an empty queue has nothing to play");
            sessions.add(s.id(), "bob", List.of("t1", "t2"));
            assertEquals(Reason.RULE, refusal(() -> sessions.play(s.id(), "bob")), "playback is the host's");
            assertEquals(Reason.FORBIDDEN, refusal(() -> sessions.playback(s.id(), "mallory")));

            Playback started = sessions.play(s.id(), "alice");
            assertEquals("t1", started.trackId());
            assertEquals(10_000, started.durationMs());
            assertTrue(started.playing());
            assertEquals(List.of("t2"), sessions.queue(s.id(), "bob").stream().map(QueueItem::trackId).toList(), "the item playing left the queue");

            clock.millis += 3_000;
            Playback later = sessions.playback(s.id(), "bob");
            assertEquals(3_000, later.positionMs());
            assertEquals(clock.millis, later.serverTime().toEpochMilli());
            assertEquals(started.itemId(), later.itemId());

            Playback paused = sessions.pause(s.id(), "alice");
            assertFalse(paused.playing());
            clock.millis += 60_000;
            assertEquals(3_000, sessions.playback(s.id(), "bob").positionMs(), "a paused item does not move, nor end");

            assertEquals(7_500, sessions.seek(s.id(), "alice", 7_500).positionMs());
            assertEquals(Reason.INVALID, refusal(() -> sessions.seek(s.id(), "alice", 10_001)), "past the end of the track");
            sessions.play(s.id(), "alice");
            clock.millis += 1_000;
            assertEquals(8_500, sessions.playback(s.id(), "bob").positionMs());
            assertEquals(8_500, sessions.playback(s.id(), "bob").positionAt(clock.millis));
            assertEquals(9_000, sessions.playback(s.id(), "bob").positionAt(clock.millis + 500), "clients add the time since server_time");
        });
    }

    @Test
    void anItemThatReachesItsEndGivesWayToTheNextAtThatMomentAndIsWrittenToEachListenersHistory() {
        onDatabase(sessions -> {
            Session s = sessions.create("alice", settings(0.5, Who.HOST));
            sessions.joinByCode("bob", s.inviteCode());
            sessions.add(s.id(), "alice", List.of("t1", "t3"));
            long start = clock.millis;
            sessions.play(s.id(), "alice");

            clock.millis = start + 12_000; // t1 (10 s) ended at +10 s; t3 has played 2 s
            Playback now = sessions.playback(s.id(), "bob");
            assertEquals("t3", now.trackId());
            assertEquals(2_000, now.positionMs());
            assertEquals(2, recorded.size(), "t1 once for each of the two listeners: " + recorded);
            for (Recorded r : recorded) {
                assertEquals(EventType.PLAY, r.event().type());
                assertEquals("t1", r.event().trackId());
                assertEquals(10_000, r.event().msPlayed());
                assertEquals(start, r.event().startedAt().toEpochMilli());
                assertEquals(new PlayContext(PlayContext.Type.SESSION, s.id()), r.event().context());
            }
            assertEquals(List.of("alice", "bob"), recorded.stream().map(Recorded::userId).sorted().toList());

            clock.millis = start + 60_000;
            Playback over = sessions.playback(s.id(), "alice");
            assertNull(over.itemId(), "the queue ran out");
            assertFalse(over.playing());
            assertEquals(List.of("t1", "t3"), sessions.played(s.id(), "bob", 10).stream().map(QueueItem::trackId).toList());

            List<SessionEvent> events = sessions.events(s.id(), "alice", 0, 100);
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).sequence(), "gapless");
            }
            List<String> reasons = events.stream().filter(e -> e.type().equals(SessionEvents.TYPE_PLAYBACK_CHANGED))
                    .map(e -> e.payloadJson().replaceAll(".*\"reason\":\"([a-z_]+)\".*", "$1")).toList();
            assertEquals(List.of("played", "ended", "queue_ended"), reasons);
            assertTrue(events.stream().anyMatch(e -> e.payloadJson().contains("\"server_time\":" + (start + 10_000))), "t3 started when t1 ended");
        });
    }

    @Test
    void skipVotesSkipAtTheSharePerMemberOnceAndTheSkipGoesToHistoryAsASkip() {
        onDatabase(sessions -> {
            Session s = sessions.create("alice", settings(0.5, Who.HOST));
            for (String member : List.of("bob", "carol", "dave")) {
                sessions.joinByCode(member, s.inviteCode());
            }
            assertEquals(Reason.INVALID, refusal(() -> sessions.voteSkip(s.id(), "bob")), "nothing plays yet");
            sessions.add(s.id(), "alice", List.of("t1", "t2"));
            sessions.play(s.id(), "alice");
            clock.millis += 4_000;

            Playback one = sessions.voteSkip(s.id(), "bob");
            assertEquals("t1", one.trackId());
            assertEquals(List.of("bob"), one.skipVoters());
            long sequence = sessions.session(s.id(), "bob").sequence();
            assertEquals(List.of("bob"), sessions.voteSkip(s.id(), "bob").skipVoters(), "a second vote of bob counts once");
            assertEquals(sequence, sessions.session(s.id(), "bob").sequence(), "and records nothing");

            Playback skipped = sessions.voteSkip(s.id(), "carol"); // 2 of 4 = 0.5
            assertEquals("t2", skipped.trackId());
            assertEquals(0, skipped.positionMs());
            assertEquals(List.of(), skipped.skipVoters(), "the votes were for the item that ended");
            assertEquals(4, recorded.size());
            assertTrue(recorded.stream().allMatch(r -> r.event().type() == EventType.SKIP && r.event().msPlayed() == 4_000), recorded.toString());
        });
    }

    @Test
    void theSkipRuleAndThePlaybackRuleDecideWhoMay() {
        onDatabase(sessions -> {
            Session s = sessions.create("alice", new SessionSettings("Test", Visibility.PRIVATE, 10,
                    new SessionRules(Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, Who.HOST, 1.0, Who.EVERYONE)));
            sessions.joinByCode("bob", s.inviteCode());
            sessions.add(s.id(), "bob", List.of("t1", "t2", "t3"));
            assertEquals("t1", sessions.play(s.id(), "bob").trackId(), "everyone may play");
            assertEquals(Reason.RULE, refusal(() -> sessions.voteSkip(s.id(), "bob")), "only the host votes to skip");
            assertEquals("t1", sessions.voteSkip(s.id(), "alice").trackId(), "1 of 2 is below a share of 1");
            clock.millis += 1_000;
            assertEquals("t2", sessions.next(s.id(), "bob").trackId());
            assertTrue(recorded.stream().allMatch(r -> r.event().type() == EventType.SKIP), "next before the end is a skip");
        });
    }

    @Test
    void aReopenedDatabaseKeepsPlaybackAndItsPositionKeepsMoving() {
        String[] id = new String[1];
        onDatabase(sessions -> {
            Session s = sessions.create("alice", settings(0.5, Who.HOST));
            id[0] = s.id();
            sessions.add(s.id(), "alice", List.of("t2"));
            sessions.play(s.id(), "alice");
        });
        clock.millis += 5_000;
        onDatabase(sessions -> {
            Playback after = sessions.playback(id[0], "alice");
            assertEquals("t2", after.trackId());
            assertEquals(5_000, after.positionMs());
            assertTrue(after.playing());
        });
    }

    @Test
    void autoFilledItemsSayForWhomAndRecordTheirSatisfaction() {
        onDatabase(sessions -> {
            Session s = sessions.create("alice", new SessionSettings("Test", Visibility.PRIVATE, 10, SessionRules.DEFAULT, "fairness", 2));
            assertEquals(2, sessions.session(s.id(), "alice").settings().autoFill());
            DefaultSessionService.Recommended chosen = new DefaultSessionService.Recommended("t3", List.of("alice"), Map.of("alice", 0.9));
            assertTrue(sessions.addRecommended(s.id(), List.of(chosen), 2));
            QueueItem stored = sessions.queue(s.id(), "alice").get(0);
            assertEquals(QueueItem.SERVER, stored.addedBy());
            assertEquals(List.of("alice"), stored.forMembers());
            assertEquals(Map.of("alice", 0.9), stored.satisfaction());
            sessions.add(s.id(), "alice", List.of("t1"));
            assertFalse(sessions.addRecommended(s.id(), List.of(chosen), 2), "two items wait: not fewer than 2");
            assertEquals(Reason.INVALID, refusal(() -> sessions.changeStrategy(s.id(), "alice", "loudest")));
            assertEquals("least_misery", sessions.changeStrategy(s.id(), "alice", "least_misery").settings().strategy());
        });
    }
}
