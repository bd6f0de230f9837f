package org.audotics.realtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionException.Reason;
import org.audotics.realtime.api.SessionRules.Action;
import org.audotics.realtime.api.SessionService;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SessionService} over the realtime tables. Every change is one transaction that first holds the session's
 * row ({@code SELECT ... FOR UPDATE}), so the changes of one session run one after the other on every node; it
 * decides against the state it holds, writes, numbers its events from the row's sequence number and writes them,
 * and commits; the events are posted on Event Admin after the commit.
 */
@Component(service = {SessionService.class, DefaultSessionService.class})
public final class DefaultSessionService implements SessionService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSessionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Room in the order keys for the items of one add: item i of the add at sequence s gets s * ADD_SLOTS + i. */
    private static final long ADD_SLOTS = 1000;

    private final RealtimeDatabase database;
    private final SessionEventPoster poster;
    private final Clock clock;
    private final SessionStore store = new SessionStore();

    @Activate
    public DefaultSessionService(@Reference RealtimeDatabase database, @Reference SessionEventPoster poster) {
        this(database, poster, Clock.systemUTC());
    }

    DefaultSessionService(RealtimeDatabase database, SessionEventPoster poster, Clock clock) {
        this.database = database;
        this.poster = poster;
        this.clock = clock;
    }

    /** The work of one transaction: what it read and decided, and the events it numbered. */
    private interface Work<T> {
        T run(Change change) throws SQLException;
    }

    /** One running change: the connection, and the session row it holds once {@link #lock} was called. */
    private final class Change {
        final Connection connection;
        final long now = clock.millis();
        final List<SessionEvent> events = new ArrayList<>();
        SessionStore.Row row;

        Change(Connection connection) {
            this.connection = connection;
        }

        SessionStore.Row lock(String sessionId) throws SQLException {
            row = running(store.row(connection, sessionId, true), sessionId);
            return row;
        }

        /** Numbers the event with the session's next sequence number and writes it. */
        void event(String type, Map<String, Object> payload) throws SQLException {
            long seq = row.seq() + 1;
            SessionEvent event = new SessionEvent(row.id(), seq, type, json(payload), Instant.ofEpochMilli(now));
            store.recordEvent(connection, event);
            row = new SessionStore.Row(row.id(), row.settings(), row.hostId(), row.inviteCode(), seq, row.createdAt(), row.endedAt());
            events.add(event);
        }

        void requirePresent(String userId) throws SQLException {
            if (!SessionStore.PRESENT.equals(store.memberState(connection, row.id(), userId).orElse(null))) {
                throw new SessionException(Reason.FORBIDDEN, "only members of the session may do this");
            }
        }

        void requireHost(String userId) throws SQLException {
            requirePresent(userId);
            if (!row.hostId().equals(userId)) {
                throw new SessionException(Reason.FORBIDDEN, "only the session's host may do this");
            }
        }

        void requireAllowed(String userId, Action action) throws SQLException {
            requirePresent(userId);
            if (!row.settings().rules().allows(action, row.hostId().equals(userId))) {
                throw new SessionException(Reason.RULE, "the session's rules let only the host " + action.name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        QueueItem item(String itemId) throws SQLException {
            return store.queue(connection, row.id()).stream().filter(i -> i.id().equals(itemId)).findFirst()
                    .orElseThrow(() -> new SessionException(Reason.NOT_FOUND, "no queue item " + itemId + " in this session"));
        }
    }

    private <T> T inTransaction(String what, Work<T> work) {
        List<SessionEvent> committed;
        T result;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Change change = new Change(connection);
                result = work.run(change);
                connection.commit();
                committed = change.events;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
        for (SessionEvent event : committed) {
            poster.post(event);
        }
        return result;
    }

    @Override
    public Session create(String userId, SessionSettings settings) {
        return inTransaction("Creating a session", change -> {
            SessionStore.Row row = new SessionStore.Row(InviteCodes.id(), settings, userId, InviteCodes.code(), 0, change.now, null);
            store.insert(change.connection, row);
            store.join(change.connection, row.id(), userId, change.now, false);
            change.row = row;
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("host_id", userId);
            payload.put("name", settings.name());
            change.event(SessionEvents.TYPE_SESSION_CREATED, payload);
            LOG.info("Session {} created by {}", row.id(), userId);
            return store.session(change.connection, change.row);
        });
    }

    @Override
    public Session session(String sessionId, String userId) {
        return inTransaction("Reading a session", change -> {
            SessionStore.Row row = running(store.row(change.connection, sessionId, false), sessionId);
            Session session = store.session(change.connection, row);
            if (row.settings().visibility() == Visibility.PRIVATE && !session.hasMember(userId)) {
                throw new SessionException(Reason.FORBIDDEN, "this session is private: join it with its invite code");
            }
            return session;
        });
    }

    @Override
    public List<Session> sessions(String userId, int limit) {
        return inTransaction("Listing sessions", change -> {
            List<Session> sessions = new ArrayList<>();
            for (SessionStore.Row row : store.listed(change.connection, userId, limit)) {
                sessions.add(store.session(change.connection, row));
            }
            return sessions;
        });
    }

    @Override
    public Session joinByCode(String userId, String inviteCode) {
        return inTransaction("Joining a session", change -> {
            String id = store.idOfCode(change.connection, InviteCodes.normalised(inviteCode))
                    .orElseThrow(() -> new SessionException(Reason.NOT_FOUND, "no running session has this invite code"));
            return join(change, id, userId, true);
        });
    }

    @Override
    public Session join(String sessionId, String userId) {
        return inTransaction("Joining a session", change -> join(change, sessionId, userId, false));
    }

    private Session join(Change change, String sessionId, String userId, boolean byCode) throws SQLException {
        SessionStore.Row row = change.lock(sessionId);
        Optional<String> state = store.memberState(change.connection, sessionId, userId);
        if (state.filter(SessionStore.PRESENT::equals).isPresent()) {
            return store.session(change.connection, row);
        }
        if (state.filter(SessionStore.REMOVED::equals).isPresent()) {
            throw new SessionException(Reason.REMOVED, "the host removed you from this session");
        }
        if (!byCode && row.settings().visibility() == Visibility.PRIVATE) {
            throw new SessionException(Reason.FORBIDDEN, "this session is private: join it with its invite code");
        }
        if (store.presentCount(change.connection, sessionId) >= row.settings().maxMembers()) {
            throw new SessionException(Reason.FULL, "the session has its " + row.settings().maxMembers() + " members");
        }
        store.join(change.connection, sessionId, userId, change.now, state.isPresent());
        change.event(SessionEvents.TYPE_MEMBER_JOINED, Map.of("user_id", userId));
        return store.session(change.connection, change.row);
    }

    @Override
    public void leave(String sessionId, String userId) {
        inTransaction("Leaving a session", change -> {
            change.lock(sessionId);
            change.requirePresent(userId);
            leave(change, userId);
            return null;
        });
    }

    /** The present member leaves the held session; @return whether that ended it (the last member left) */
    private boolean leave(Change change, String userId) throws SQLException {
        SessionStore.Row row = change.row;
        store.setState(change.connection, row.id(), userId, SessionStore.LEFT);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("user_id", userId);
        List<Member> rest = store.session(change.connection, row).members();
        if (!rest.isEmpty() && row.hostId().equals(userId)) {
            String newHost = rest.get(0).userId();
            store.setHost(change.connection, row.id(), newHost);
            payload.put("host_id", newHost);
        }
        change.event(SessionEvents.TYPE_MEMBER_LEFT, payload);
        if (rest.isEmpty()) {
            store.end(change.connection, row.id(), change.now);
            change.event(SessionEvents.TYPE_SESSION_ENDED, Map.of("reason", "the last member left"));
        }
        return rest.isEmpty();
    }

    /**
     * Forgets a deleted account: it leaves every running session it is present in (the host rule applies), its votes
     * are withdrawn (one {@code queue_updated} with {@code action: votes_removed} per session) and its member rows
     * deleted. Items it added stay in their queues, naming the former account id. One transaction per session.
     */
    public void deleteUser(String userId) {
        List<String> ids = inTransaction("Listing a user's sessions", change -> store.sessionsOf(change.connection, userId));
        for (String id : ids) {
            inTransaction("Deleting a user's session data", change -> {
                Optional<SessionStore.Row> row = store.row(change.connection, id, true);
                if (row.isEmpty()) {
                    return null;
                }
                change.row = row.get();
                boolean running = !row.get().ended();
                if (running && SessionStore.PRESENT.equals(store.memberState(change.connection, id, userId).orElse(null))) {
                    running = !leave(change, userId);
                }
                if (store.deleteVotes(change.connection, id, userId) > 0 && running) {
                    change.event(SessionEvents.TYPE_QUEUE_UPDATED, Map.of("action", "votes_removed", "user_id", userId));
                }
                store.deleteMember(change.connection, id, userId);
                return null;
            });
        }
    }

    @Override
    public Session handOver(String sessionId, String hostId, String newHostId) {
        return inTransaction("Handing a session over", change -> {
            change.lock(sessionId);
            change.requireHost(hostId);
            if (!SessionStore.PRESENT.equals(store.memberState(change.connection, sessionId, newHostId).orElse(null))) {
                throw new SessionException(Reason.INVALID, "'user_id' names no member of this session");
            }
            if (!newHostId.equals(hostId)) {
                store.setHost(change.connection, sessionId, newHostId);
                change.row = change.lock(sessionId);
                change.event(SessionEvents.TYPE_HOST_CHANGED, Map.of("host_id", newHostId, "previous_host_id", hostId));
            }
            return store.session(change.connection, change.row);
        });
    }

    @Override
    public Session removeMember(String sessionId, String hostId, String memberId) {
        return inTransaction("Removing a member", change -> {
            change.lock(sessionId);
            change.requireHost(hostId);
            Optional<String> state = store.memberState(change.connection, sessionId, memberId);
            if (state.isEmpty() || memberId.equals(hostId)) {
                throw new SessionException(Reason.INVALID, memberId.equals(hostId) ? "the host cannot remove themselves: hand over or leave"
                        : "no member " + memberId + " in this session");
            }
            if (!SessionStore.REMOVED.equals(state.get())) {
                store.setState(change.connection, sessionId, memberId, SessionStore.REMOVED);
                change.event(SessionEvents.TYPE_MEMBER_LEFT, Map.of("user_id", memberId, "removed", true));
            }
            return store.session(change.connection, change.row);
        });
    }

    @Override
    public void end(String sessionId, String hostId) {
        inTransaction("Ending a session", change -> {
            change.lock(sessionId);
            change.requireHost(hostId);
            store.end(change.connection, sessionId, change.now);
            change.event(SessionEvents.TYPE_SESSION_ENDED, Map.of("reason", "the host ended it"));
            LOG.info("Session {} ended by its host", sessionId);
            return null;
        });
    }

    @Override
    public List<QueueItem> queue(String sessionId, String userId) {
        return inTransaction("Reading a queue", change -> {
            change.row = running(store.row(change.connection, sessionId, false), sessionId);
            change.requirePresent(userId);
            return store.queue(change.connection, sessionId);
        });
    }

    @Override
    public List<QueueItem> add(String sessionId, String userId, List<String> trackIds) {
        return inTransaction("Adding to a queue", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.ADD);
            int size = store.queue(change.connection, sessionId).size();
            if (size + trackIds.size() > MAX_QUEUE) {
                throw new SessionException(Reason.INVALID, "a queue holds at most " + MAX_QUEUE + " items; this one holds " + size);
            }
            long base = (change.row.seq() + 1) * ADD_SLOTS;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < trackIds.size(); i++) {
                QueueItem item = new QueueItem(InviteCodes.id(), trackIds.get(i), userId, Instant.ofEpochMilli(change.now), List.of(), base + i);
                store.addItem(change.connection, sessionId, item);
                ids.add(item.id());
            }
            change.event(SessionEvents.TYPE_QUEUE_UPDATED, Map.of("action", "added", "user_id", userId, "item_ids", ids, "track_ids", trackIds));
            return store.queue(change.connection, sessionId);
        });
    }

    @Override
    public List<QueueItem> remove(String sessionId, String userId, String itemId) {
        return inTransaction("Removing from a queue", change -> {
            change.lock(sessionId);
            change.requirePresent(userId);
            QueueItem item = change.item(itemId);
            if (!item.addedBy().equals(userId)) {
                change.requireAllowed(userId, Action.REMOVE);
            }
            store.removeItem(change.connection, itemId);
            change.event(SessionEvents.TYPE_QUEUE_UPDATED, Map.of("action", "removed", "user_id", userId, "item_ids", List.of(itemId)));
            return store.queue(change.connection, sessionId);
        });
    }

    @Override
    public List<QueueItem> move(String sessionId, String userId, String itemId, int position) {
        return inTransaction("Reordering a queue", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.REORDER);
            List<QueueItem> order = QueueOrder.moved(store.queue(change.connection, sessionId), itemId, position);
            store.renumber(change.connection, order);
            change.event(SessionEvents.TYPE_QUEUE_UPDATED, Map.of("action", "moved", "user_id", userId, "item_ids", List.of(itemId), "position", position));
            return store.queue(change.connection, sessionId);
        });
    }

    @Override
    public List<QueueItem> vote(String sessionId, String userId, String itemId, int value) {
        if (value < -1 || value > 1) {
            throw new SessionException(Reason.INVALID, "a vote is 1, -1 or 0, was " + value);
        }
        return inTransaction("Voting", change -> {
            change.lock(sessionId);
            change.requirePresent(userId);
            QueueItem item = change.item(itemId);
            int before = item.votes().stream().filter(v -> v.userId().equals(userId)).mapToInt(v -> v.value()).findFirst().orElse(0);
            if (before != value) {
                store.setVote(change.connection, itemId, userId, value);
                change.event(SessionEvents.TYPE_VOTE_CAST, Map.of("item_id", itemId, "user_id", userId, "value", value));
            }
            return store.queue(change.connection, sessionId);
        });
    }

    @Override
    public List<SessionEvent> events(String sessionId, String userId, long afterSequence, int limit) {
        return inTransaction("Reading session events", change -> {
            SessionStore.Row row = store.row(change.connection, sessionId, false)
                    .orElseThrow(() -> new SessionException(Reason.NOT_FOUND, "no session " + sessionId));
            change.row = row;
            change.requirePresent(userId);
            return store.events(change.connection, sessionId, afterSequence, limit);
        });
    }

    private static SessionStore.Row running(Optional<SessionStore.Row> row, String sessionId) {
        return row.filter(r -> !r.ended()).orElseThrow(() -> new SessionException(Reason.NOT_FOUND, "no running session " + sessionId));
    }

    private static String json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload of strings, numbers and lists is always JSON", e);
        }
    }
}
