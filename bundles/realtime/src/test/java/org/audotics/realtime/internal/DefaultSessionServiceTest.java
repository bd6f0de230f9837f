package org.audotics.realtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The service on the embedded H2 through the storage bundle's real pool and migrations. */
class DefaultSessionServiceTest {

    @TempDir
    Path data;

    private final List<Event> posted = new CopyOnWriteArrayList<>();

    /** Work on the embedded database, closed afterwards as a stopped server closes it. */
    private void onDatabase(java.util.function.Consumer<DefaultSessionService> work) {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            work.accept(service(database));
        } finally {
            database.close();
        }
    }

    private DefaultSessionService service(PooledDatabase database) {
        EventAdmin admin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        return new DefaultSessionService(new RealtimeDatabase(database), new SessionEventPoster(admin));
    }

    private static SessionSettings settings(int maxMembers) {
        return new SessionSettings("Test", Visibility.PRIVATE, maxMembers, SessionRules.DEFAULT);
    }

    @Test
    void aReopenedDatabaseHasEverySessionMemberItemVoteAndEvent() {
        Session[] before = new Session[1];
        List<List<QueueItem>> queueBefore = new java.util.ArrayList<>();
        onDatabase(sessions -> {
            Session created = sessions.create("alice", settings(5));
            sessions.joinByCode("bob", created.inviteCode().toLowerCase(java.util.Locale.ROOT));
            List<QueueItem> queue = sessions.add(created.id(), "bob", List.of("t1", "t2"));
            sessions.vote(created.id(), "alice", queue.get(1).id(), 1);
            before[0] = sessions.session(created.id(), "alice");
            queueBefore.add(sessions.queue(created.id(), "bob"));
        });
        String id = before[0].id();
        onDatabase(sessions -> {
            assertEquals(before[0], sessions.session(id, "bob"));
            assertEquals(queueBefore.get(0), sessions.queue(id, "alice"));
            assertEquals(List.of("t2", "t1"), queueBefore.get(0).stream().map(QueueItem::trackId).toList());
            List<SessionEvent> events = sessions.events(id, "alice", 0, 100);
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(SessionEvent::sequence).toList());
            assertEquals(List.of(SessionEvents.TYPE_SESSION_CREATED, SessionEvents.TYPE_MEMBER_JOINED, SessionEvents.TYPE_QUEUE_UPDATED,
                    SessionEvents.TYPE_VOTE_CAST), events.stream().map(SessionEvent::type).toList());
            assertEquals(4, before[0].sequence());
        });
    }

    @Test
    void postsEachCommittedEventOnEventAdminAndNothingForARefusal() {
        onDatabase(sessions -> {
            Session created = sessions.create("alice", settings(2));
            sessions.joinByCode("bob", created.inviteCode());
            SessionException full = assertThrows(SessionException.class, () -> sessions.joinByCode("carol", created.inviteCode()));
            assertEquals(SessionException.Reason.FULL, full.reason());
            assertEquals(List.of("org/audotics/realtime/SESSION_CREATED", "org/audotics/realtime/MEMBER_JOINED"),
                    posted.stream().map(Event::getTopic).toList());
            assertEquals(2L, posted.get(1).getProperty(SessionEvents.SEQUENCE));
            assertEquals(created.id(), posted.get(1).getProperty(SessionEvents.SESSION_ID));
            assertEquals(2, sessions.events(created.id(), "bob", 0, 100).size());
        });
    }

    @Test
    void theEarliestPresentMemberBecomesHostAndTheLastToLeaveEndsTheSession() {
        onDatabase(sessions -> {
            Session created = sessions.create("alice", settings(5));
            sessions.joinByCode("bob", created.inviteCode());
            sessions.joinByCode("carol", created.inviteCode());
            sessions.leave(created.id(), "alice");
            assertEquals("bob", sessions.session(created.id(), "carol").hostId());
            sessions.removeMember(created.id(), "bob", "carol");
            assertEquals(SessionException.Reason.REMOVED,
                    assertThrows(SessionException.class, () -> sessions.joinByCode("carol", created.inviteCode())).reason());
            sessions.leave(created.id(), "bob");
            assertEquals(SessionException.Reason.NOT_FOUND, assertThrows(SessionException.class, () -> sessions.session(created.id(), "bob")).reason());
        });
    }

    @Test
    void aDeletedAccountLeavesItsSessionsAndItsVotesAreWithdrawn() {
        onDatabase(sessions -> {
            Session created = sessions.create("alice", settings(5));
            sessions.joinByCode("bob", created.inviteCode());
            sessions.joinByCode("carol", created.inviteCode());
            QueueItem item = sessions.add(created.id(), "alice", List.of("t1")).get(0);
            sessions.vote(created.id(), "bob", item.id(), -1);
            sessions.vote(created.id(), "carol", item.id(), 1);

            sessions.deleteUser("alice");
            assertEquals("bob", sessions.session(created.id(), "bob").hostId());
            sessions.deleteUser("bob");
            Session after = sessions.session(created.id(), "carol");
            assertEquals(List.of("carol"), after.members().stream().map(m -> m.userId()).toList());
            assertEquals("carol", after.hostId());
            List<QueueItem> queue = sessions.queue(created.id(), "carol");
            assertEquals(1, queue.get(0).netVotes(), "bob's vote withdrawn, carol's kept");
            assertEquals("alice", queue.get(0).addedBy(), "items stay, naming their adder");
            List<SessionEvent> events = sessions.events(created.id(), "carol", 0, 100);
            assertEquals(List.of("member_left", "member_left", "queue_updated"), events.subList(events.size() - 3, events.size()).stream().map(SessionEvent::type).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), events.stream().map(SessionEvent::sequence).toList());
            sessions.deleteUser("carol");
            assertEquals(SessionException.Reason.NOT_FOUND, assertThrows(SessionException.class, () -> sessions.session(created.id(), "carol")).reason());
        });
    }
}
