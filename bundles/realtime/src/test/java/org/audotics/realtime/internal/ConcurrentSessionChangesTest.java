package org.audotics.realtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.storage.internal.RealtimeTestDatabases;
import org.junit.jupiter.api.Test;

/** Many threads change one session on PostgreSQL at once: the session's row lock keeps the size and the sequence exact. */
class ConcurrentSessionChangesTest {

    private static final int THREADS = 12;

    @Test
    void concurrentJoinsNeverPassMaxMembersAndConcurrentChangesGetGaplessSequenceNumbers() throws Exception {
        try (RealtimeTestDatabases postgres = new RealtimeTestDatabases()) {
            DefaultSessionService sessions = new DefaultSessionService(new RealtimeDatabase(postgres.database), new SessionEventPoster());
            Session session = sessions.create("host", new SessionSettings("Crowd", Visibility.PUBLIC, 5, SessionRules.DEFAULT));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Callable<Boolean>> joins = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    String user = "user-" + i;
                    joins.add(() -> {
                        try {
                            sessions.join(session.id(), user);
                            return true;
                        } catch (SessionException e) {
                            assertEquals(SessionException.Reason.FULL, e.reason());
                            return false;
                        }
                    });
                }
                int joined = 0;
                for (Future<Boolean> result : pool.invokeAll(joins)) {
                    joined += result.get() ? 1 : 0;
                }
                assertEquals(4, joined, "five members, the host included");
                Session full = sessions.session(session.id(), "host");
                assertEquals(5, full.members().size());

                List<Callable<Object>> changes = new ArrayList<>();
                for (Member member : full.members()) {
                    changes.add(() -> sessions.add(session.id(), member.userId(), List.of("track-" + member.userId())));
                    changes.add(() -> sessions.add(session.id(), member.userId(), List.of("second-" + member.userId())));
                }
                for (Future<Object> result : pool.invokeAll(changes)) {
                    result.get();
                }
                List<QueueItem> queue = sessions.queue(session.id(), "host");
                List<Callable<Object>> votes = new ArrayList<>();
                for (QueueItem item : queue) {
                    for (Member member : full.members()) {
                        votes.add(() -> sessions.vote(session.id(), member.userId(), item.id(), 1));
                    }
                }
                for (Future<Object> result : pool.invokeAll(votes)) {
                    result.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long last = sessions.session(session.id(), "host").sequence();
            assertEquals(1 + 4 + 10 + 10 * 5, last);
            List<SessionEvent> events = sessions.events(session.id(), "host", 0, 1000);
            assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), events.stream().map(SessionEvent::sequence).toList());
            assertEquals(10, sessions.queue(session.id(), "host").stream().filter(item -> item.netVotes() == 5).count());
        }
    }
}
