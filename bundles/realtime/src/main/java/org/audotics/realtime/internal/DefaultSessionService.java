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
import org.audotics.realtime.api.Playback;
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

    /** Most items one read or change ends by time (a session left playing tracks without duration for long). */
    private static final int MAX_SETTLED = MAX_QUEUE + 1;

    private final RealtimeDatabase database;
    private final SessionEventPoster poster;
    private final TrackDurations durations;
    private final SessionHistory history;
    private final Clock clock;
    private final SessionStore store = new SessionStore();

    @Activate
    public DefaultSessionService(@Reference RealtimeDatabase database, @Reference SessionEventPoster poster, @Reference TrackDurations durations,
            @Reference SessionHistory history) {
        this(database, poster, durations, history, Clock.systemUTC());
    }

    /** Without playback's track lengths (every track lasts 0 ms) and history: the membership and queue tests. */
    DefaultSessionService(RealtimeDatabase database, SessionEventPoster poster) {
        this(database, poster, ids -> Map.of(), new SessionHistory(null), Clock.systemUTC());
    }

    DefaultSessionService(RealtimeDatabase database, SessionEventPoster poster, TrackDurations durations, SessionHistory history, Clock clock) {
        this.database = database;
        this.poster = poster;
        this.durations = durations;
        this.history = history;
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
        final List<SessionHistory.Heard> heard = new ArrayList<>();
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
        List<SessionHistory.Heard> heard;
        T result;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Change change = new Change(connection);
                result = work.run(change);
                connection.commit();
                committed = change.events;
                heard = change.heard;
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
        history.write(heard);
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
            change.lock(sessionId);
            change.requirePresent(userId);
            settle(change);
            return store.queue(change.connection, sessionId);
        });
    }

    @Override
    public List<QueueItem> add(String sessionId, String userId, List<String> trackIds) {
        return inTransaction("Adding to a queue", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.ADD);
            settle(change);
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

    // ----- playback -----

    @Override
    public Playback playback(String sessionId, String userId) {
        return inTransaction("Reading playback", change -> {
            change.lock(sessionId);
            change.requirePresent(userId);
            return playbackOf(change, settle(change));
        });
    }

    @Override
    public Playback play(String sessionId, String userId) {
        return inTransaction("Playing", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.PLAYBACK);
            SessionStore.PlaybackRow p = settle(change);
            if (p.itemId() == null) {
                if (store.queue(change.connection, sessionId).isEmpty()) {
                    throw new SessionException(Reason.INVALID, "nothing to play: the queue is empty");
                }
                p = startNext(change, change.now, "played");
            } else if (!p.playing()) {
                p = new SessionStore.PlaybackRow(p.itemId(), p.trackId(), p.durationMs(), p.positionMs(), true, change.now, p.startedAt());
                changed(change, p, "played");
            }
            return playbackOf(change, p);
        });
    }

    @Override
    public Playback pause(String sessionId, String userId) {
        return inTransaction("Pausing", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.PLAYBACK);
            SessionStore.PlaybackRow p = settle(change);
            if (p.itemId() != null && p.playing()) {
                p = new SessionStore.PlaybackRow(p.itemId(), p.trackId(), p.durationMs(), p.positionAt(change.now), false, change.now, p.startedAt());
                changed(change, p, "paused");
            }
            return playbackOf(change, p);
        });
    }

    @Override
    public Playback seek(String sessionId, String userId, long positionMs) {
        return inTransaction("Seeking", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.PLAYBACK);
            SessionStore.PlaybackRow p = settle(change);
            if (p.itemId() == null) {
                throw new SessionException(Reason.INVALID, "nothing is playing: there is nothing to seek in");
            }
            if (positionMs < 0 || positionMs > p.durationMs()) {
                throw new SessionException(Reason.INVALID, "'position_ms' is 0 to the track's duration " + p.durationMs() + ", was " + positionMs);
            }
            p = new SessionStore.PlaybackRow(p.itemId(), p.trackId(), p.durationMs(), positionMs, p.playing(), change.now, p.startedAt());
            changed(change, p, "seeked");
            return playbackOf(change, settle(change));
        });
    }

    @Override
    public Playback next(String sessionId, String userId) {
        return inTransaction("Going to the next item", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.PLAYBACK);
            SessionStore.PlaybackRow p = settle(change);
            if (p.itemId() == null && store.queue(change.connection, sessionId).isEmpty()) {
                return playbackOf(change, p);
            }
            if (p.itemId() != null) {
                ended(change, p, change.now);
            }
            return playbackOf(change, startNext(change, change.now, p.itemId() == null ? "played" : "next"));
        });
    }

    @Override
    public Playback voteSkip(String sessionId, String userId) {
        return inTransaction("Voting to skip", change -> {
            change.lock(sessionId);
            change.requireAllowed(userId, Action.SKIP);
            SessionStore.PlaybackRow p = settle(change);
            if (p.itemId() == null) {
                throw new SessionException(Reason.INVALID, "nothing is playing: there is nothing to skip");
            }
            List<String> voters = store.skipVoters(change.connection, sessionId, p.itemId());
            if (!voters.contains(userId)) {
                store.addSkipVote(change.connection, sessionId, p.itemId(), userId);
                int present = store.presentCount(change.connection, sessionId);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("item_id", p.itemId());
                payload.put("user_id", userId);
                payload.put("votes", voters.size() + 1);
                payload.put("needed", SkipShare.needed(change.row.settings().rules().skipShare(), present));
                change.event(SessionEvents.TYPE_SKIP_VOTED, payload);
                p = settle(change);
            }
            return playbackOf(change, p);
        });
    }

    @Override
    public Session changeStrategy(String sessionId, String hostId, String strategy) {
        if (!SessionSettings.STRATEGIES.contains(strategy)) {
            throw new SessionException(Reason.INVALID, "'strategy' is one of " + String.join(", ", SessionSettings.STRATEGIES) + ", was '" + strategy + "'");
        }
        return inTransaction("Changing a session's strategy", change -> {
            change.lock(sessionId);
            change.requireHost(hostId);
            if (!strategy.equals(change.row.settings().strategy())) {
                store.setStrategy(change.connection, sessionId, strategy);
                change.lock(sessionId);
                change.event(SessionEvents.TYPE_SETTINGS_CHANGED, Map.of("strategy", strategy));
            }
            return store.session(change.connection, change.row);
        });
    }

    @Override
    public List<QueueItem> played(String sessionId, String userId, int limit) {
        return inTransaction("Reading what a session played", change -> {
            change.lock(sessionId);
            change.requirePresent(userId);
            settle(change);
            return store.played(change.connection, sessionId, Math.max(1, Math.min(MAX_PLAYED, limit)));
        });
    }

    /** The present members of a running session, longest first (for the group's recommendations: no membership check). */
    public Session sessionOf(String sessionId) {
        return inTransaction("Reading a session", change -> store.session(change.connection, running(store.row(change.connection, sessionId, false), sessionId)));
    }

    /** The queue of a running session, for auto-fill (no membership check). */
    public List<QueueItem> queueOf(String sessionId) {
        return inTransaction("Reading a queue", change -> {
            change.lock(sessionId);
            settle(change);
            return store.queue(change.connection, sessionId);
        });
    }

    /** What a running session played, oldest first, for auto-fill (no membership check). */
    public List<QueueItem> playedOf(String sessionId, int limit) {
        return inTransaction("Reading what a session played", change -> {
            change.row = running(store.row(change.connection, sessionId, false), sessionId);
            return store.played(change.connection, sessionId, limit);
        });
    }

    /** A track auto-fill chose: for whom, and each member's satisfaction with it (0..1). */
    public record Recommended(String trackId, List<String> forMembers, Map<String, Double> satisfaction) {
    }

    /**
     * Auto-fill: adds the recommended tracks as items of the server when fewer than {@code below} items still wait
     * (checked again under the session's lock, so two nodes filling at once add one batch).
     *
     * @return whether anything was added
     */
    public boolean addRecommended(String sessionId, List<Recommended> recommended, int below) {
        return inTransaction("Filling a queue", change -> {
            change.lock(sessionId);
            settle(change);
            int size = store.queue(change.connection, sessionId).size();
            if (size >= below || recommended.isEmpty()) {
                return false;
            }
            int room = Math.min(recommended.size(), Math.min(below, MAX_QUEUE) - size); // items added meanwhile leave less room
            long base = (change.row.seq() + 1) * ADD_SLOTS;
            List<String> ids = new ArrayList<>();
            List<String> trackIds = new ArrayList<>();
            for (int i = 0; i < room; i++) {
                Recommended r = recommended.get(i);
                QueueItem item = new QueueItem(InviteCodes.id(), r.trackId(), QueueItem.SERVER, Instant.ofEpochMilli(change.now), List.of(), base + i,
                        r.forMembers(), r.satisfaction());
                store.addItem(change.connection, sessionId, item);
                ids.add(item.id());
                trackIds.add(item.trackId());
            }
            change.event(SessionEvents.TYPE_QUEUE_UPDATED, Map.of("action", "filled", "user_id", QueueItem.SERVER, "item_ids", ids, "track_ids", trackIds));
            return room > 0;
        });
    }

    /**
     * Brings the held session's playback up to {@code change.now}: an item whose skip votes reach the share ends as a
     * skip, an item that reached its end as a play, and the next starts where the last ended.
     *
     * @return the playback after
     */
    private SessionStore.PlaybackRow settle(Change change) throws SQLException {
        SessionStore.PlaybackRow p = store.playback(change.connection, change.row.id());
        for (int i = 0; i < MAX_SETTLED && p.itemId() != null; i++) {
            int voters = store.skipVoters(change.connection, change.row.id(), p.itemId()).size();
            int present = store.presentCount(change.connection, change.row.id());
            if (voters > 0 && voters >= SkipShare.needed(change.row.settings().rules().skipShare(), present)) {
                ended(change, p, change.now);
                p = startNext(change, change.now, "skipped");
            } else if (p.playing() && p.endsAt() <= change.now) {
                long end = p.endsAt();
                ended(change, p, end);
                p = startNext(change, end, "ended");
            } else {
                break;
            }
        }
        return p;
    }

    /** The item of {@code p} ends at {@code at}: its history for the members present, its skip votes gone. */
    private void ended(Change change, SessionStore.PlaybackRow p, long at) throws SQLException {
        long played = Math.min(p.durationMs(), p.positionAt(at));
        boolean skip = played < p.durationMs();
        List<String> listeners = store.session(change.connection, change.row).members().stream().map(Member::userId).toList();
        change.heard.add(new SessionHistory.Heard(change.row.id(), p.itemId(), p.trackId(), p.startedAt(), played, skip, listeners));
        store.clearSkipVotes(change.connection, change.row.id());
    }

    /** Starts the first item of the queue at {@code at} (it leaves the queue), or stops when the queue is empty. */
    private SessionStore.PlaybackRow startNext(Change change, long at, String reason) throws SQLException {
        List<QueueItem> queue = store.queue(change.connection, change.row.id());
        SessionStore.PlaybackRow p;
        if (queue.isEmpty()) {
            p = SessionStore.PlaybackRow.NOTHING;
            reason = "queue_ended";
        } else {
            QueueItem item = queue.get(0);
            long duration = durations.durations(List.of(item.trackId())).getOrDefault(item.trackId(), 0L);
            store.markPlayed(change.connection, item.id(), at);
            p = new SessionStore.PlaybackRow(item.id(), item.trackId(), duration, 0, true, at, at);
        }
        changed(change, p, reason);
        return p;
    }

    /** Writes the playback and its {@code playback_changed} event. */
    private void changed(Change change, SessionStore.PlaybackRow p, String reason) throws SQLException {
        store.setPlayback(change.connection, change.row.id(), p);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        payload.put("item_id", p.itemId());
        payload.put("track_id", p.trackId());
        payload.put("duration_ms", p.durationMs());
        payload.put("position_ms", p.positionMs());
        payload.put("playing", p.playing());
        payload.put("server_time", p.itemId() == null ? change.now : p.anchorAt());
        change.event(SessionEvents.TYPE_PLAYBACK_CHANGED, payload);
    }

    private Playback playbackOf(Change change, SessionStore.PlaybackRow p) throws SQLException {
        if (p.itemId() == null) {
            return new Playback(null, 0, false, Instant.ofEpochMilli(change.now), null, 0, List.of());
        }
        return new Playback(p.itemId(), p.positionAt(change.now), p.playing(), Instant.ofEpochMilli(change.now), p.trackId(), p.durationMs(),
                store.skipVoters(change.connection, change.row.id(), p.itemId()));
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
