package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.realtime.api.Playback;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's core, the same for Socket.IO and the plain WebSocket: who is connected, which sessions each
 * connection follows, the client actions (delegated to the session service) and the delivery of session events
 * to the connections that follow the session. Thread-safe.
 */
@Component(service = ChannelHub.class, configurationPid = ChannelConfig.PID)
@Designate(ocd = ChannelConfig.class)
public final class ChannelHub {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelHub.class);
    /** The client actions, in the order docs/api.md lists them. */
    static final String TOKEN_EXPIRED_MESSAGE = "the access token expired or was revoked: connect again with a fresh one";
    static final List<String> ACTIONS = List.of("join", "unfollow", "add", "remove", "move", "vote", "leave", "end");

    private final SessionService sessions;
    private final CatalogService catalog;
    private final List<Authenticator> authenticators = new CopyOnWriteArrayList<>();
    private final Map<String, Set<Connection>> rooms = new ConcurrentHashMap<>();
    private final Map<String, Integer> connectionsPerUser = new ConcurrentHashMap<>();
    /** Connections admitted on this node and not yet released, for {@code max.connections}. */
    private final AtomicInteger admittedOnNode = new AtomicInteger();
    /**
     * Accounts cut off for their message rate, to the {@link System#nanoTime} until which they may not connect: a
     * flooder that reconnects at once otherwise costs a handshake and a flood per connection, and measured, doubled
     * the other members' latency although each connection was cut off within 100 ms (docs/performance.md).
     */
    private final Map<String, Long> cutOffUntil = new ConcurrentHashMap<>();
    /** Every open connection, for the token re-check. */
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private final TokenRecheck tokenRecheck = new TokenRecheck();
    private final EventLog log;
    private volatile ChannelConfig config;
    private volatile FollowListener followListener;

    /** Told when a connection starts or stops following a session (for {@link SessionPresence}); never blocks. */
    interface FollowListener {

        void followed(String sessionId, Connection connection);

        void unfollowed(String sessionId);
    }

    @Activate
    public ChannelHub(@Reference SessionService sessions, @Reference CatalogService catalog, ChannelConfig config) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.log = (sessionId, userId, after, limit) -> this.sessions.events(sessionId, userId, after, limit);
        modified(config);
    }

    @Modified
    void modified(ChannelConfig config) {
        this.config = config;
        tokenRecheck.every(config.token_check_seconds(), this::recheckTokens);
    }

    @Deactivate
    void deactivate() {
        tokenRecheck.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthenticator(Authenticator authenticator) {
        authenticators.add(authenticator);
    }

    void removeAuthenticator(Authenticator authenticator) {
        authenticators.remove(authenticator);
    }

    ChannelConfig config() {
        return config;
    }

    /** Sets (or with null, clears) the one listener of follows and unfollows. */
    void listen(FollowListener listener) {
        followListener = listener;
    }

    EventLog log() {
        return log;
    }

    /** @return the user of an access token, empty for a missing, unknown, expired or revoked one */
    Optional<AuthenticatedUser> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        for (Authenticator authenticator : authenticators) {
            Optional<AuthenticatedUser> user = authenticator.authenticate(token.strip());
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    /**
     * @return null when the user may open one more connection (counted until {@link #release}), else why not:
     *         {@code server_full} past this node's {@code max.connections}, {@code too_many_connections} past the
     *         user's {@code max.connections.per.user}
     */
    ChannelError admit(String userId) {
        ChannelConfig c = config;
        Long until = cutOffUntil.get(userId);
        if (until != null) {
            long left = until - System.nanoTime();
            if (left > 0) {
                return new ChannelError(429, ChannelError.RATE_LIMITED, "this account was cut off for sending more than "
                        + c.messages_per_second() + " messages a second: connect again in " + (left / 1_000_000_000 + 1) + " s");
            }
            cutOffUntil.remove(userId, until);
        }
        if (admittedOnNode.incrementAndGet() > c.max_connections()) {
            admittedOnNode.decrementAndGet();
            return new ChannelError(503, ChannelError.SERVER_FULL,
                    "this server holds its most channel connections (" + c.max_connections() + "): try again later or connect to another node");
        }
        int limit = c.max_connections_per_user();
        boolean[] admitted = {false};
        connectionsPerUser.compute(userId, (user, count) -> {
            int n = count == null ? 0 : count;
            if (n >= limit) {
                return n;
            }
            admitted[0] = true;
            return n + 1;
        });
        if (!admitted[0]) {
            admittedOnNode.decrementAndGet();
            return new ChannelError(429, ChannelError.TOO_MANY_CONNECTIONS,
                    "this account holds " + limit + " channel connections already: close one first");
        }
        return null;
    }

    /**
     * The user's connection was cut off for its message rate: for {@code cut.off.seconds} {@link #admit} refuses
     * the user with {@code rate_limited}.
     */
    void cutOff(String userId) {
        int seconds = config.cut_off_seconds();
        if (seconds > 0) {
            long now = System.nanoTime();
            cutOffUntil.values().removeIf(until -> until - now <= 0);
            cutOffUntil.put(userId, now + seconds * 1_000_000_000L);
        }
    }

    /** An admitted connection is open: from now on its token is re-checked. */
    void opened(Connection connection) {
        live.add(connection);
    }

    /** The connection is gone: it follows nothing and no longer counts for its user. */
    void closed(Connection connection) {
        if (!connection.markClosed()) {
            return;
        }
        live.remove(connection);
        for (String sessionId : connection.followed()) {
            unfollow(connection, sessionId);
        }
        release(connection.userId());
    }

    /** One connection of the user admitted by {@link #admit} is gone. */
    void release(String userId) {
        boolean[] held = {false};
        connectionsPerUser.computeIfPresent(userId, (user, count) -> {
            held[0] = true;
            return count <= 1 ? null : count - 1;
        });
        if (held[0]) {
            admittedOnNode.decrementAndGet();
        }
    }

    /** @return whether the token the connection was opened with still names its user (not expired, not revoked) */
    boolean authorised(Connection connection) {
        return authenticate(connection.token()).map(user -> user.id().equals(connection.userId())).orElse(false);
    }

    /** Disconnects every open connection whose token has expired or was revoked since it connected. */
    void recheckTokens() {
        for (Connection connection : live) {
            if (!authorised(connection)) {
                LOG.info("channel: the access token of a connection of user {} expired or was revoked: disconnected", connection.userId());
                connection.disconnect(ChannelError.TOKEN_EXPIRED, TOKEN_EXPIRED_MESSAGE);
                closed(connection);
            }
        }
    }

    RateLimit newRateLimit() {
        ChannelConfig c = config;
        return new RateLimit(c.messages_per_second(), c.message_burst(), System.nanoTime());
    }

    /**
     * Runs one client action and acknowledges it, exactly once: {@code {"ok": true, ...}} or
     * {@code {"ok": false, "error": {...}}}.
     */
    void handle(Connection connection, String action, JsonNode args, Consumer<ObjectNode> ack) {
        if (!authorised(connection)) {
            ack.accept(ChannelJson.refusal(new ChannelError(401, ChannelError.TOKEN_EXPIRED, TOKEN_EXPIRED_MESSAGE)));
            connection.disconnect(ChannelError.TOKEN_EXPIRED, TOKEN_EXPIRED_MESSAGE);
            closed(connection);
            return;
        }
        ObjectNode answer;
        try {
            answer = act(connection, action, args, ack);
        } catch (ChannelError e) {
            answer = ChannelJson.refusal(e);
        } catch (SessionException e) {
            answer = ChannelJson.refusal(ChannelError.of(e));
        } catch (RuntimeException e) {
            LOG.warn("channel action {} of user {} failed: {}", action, connection.userId(), e.toString());
            answer = ChannelJson.refusal(new ChannelError(500, "internal_error", "the action failed on the server; try again"));
        }
        if (answer != null) {
            ack.accept(answer);
        }
    }

    /** @return the acknowledgement, or null when the action sent it itself */
    private ObjectNode act(Connection connection, String action, JsonNode args, Consumer<ObjectNode> ack) {
        if (!ACTIONS.contains(action)) {
            throw new ChannelError(400, ChannelError.UNKNOWN_ACTION, "no action '" + action + "'; the actions are " + String.join(", ", ACTIONS));
        }
        if (args == null || !args.isObject()) {
            throw ChannelError.invalid("send the action's arguments as a JSON object, e.g. {\"session_id\": \"...\"}");
        }
        String sessionId = text(args, "session_id");
        String user = connection.userId();
        return switch (action) {
            case "join" -> {
                join(connection, sessionId, args.get("last_sequence"), ack);
                yield null;
            }
            case "unfollow" -> {
                unfollow(connection, sessionId);
                yield ChannelJson.ok();
            }
            case "leave" -> {
                sessions.leave(sessionId, user);
                yield ChannelJson.ok();
            }
            case "end" -> {
                sessions.end(sessionId, user);
                yield ChannelJson.ok();
            }
            case "add" -> queued(sessions.add(sessionId, user, knownTracks(args.get("uris"))), user);
            case "remove" -> queued(sessions.remove(sessionId, user, text(args, "item_id")), user);
            case "move" -> queued(sessions.move(sessionId, user, text(args, "item_id"), number(args, "position", 0, SessionService.MAX_QUEUE)), user);
            case "vote" -> queued(sessions.vote(sessionId, user, text(args, "item_id"), number(args, "value", -1, 1)), user);
            default -> throw new IllegalStateException("an action without a case: " + action);
        };
    }

    /**
     * Follows a member's session from {@code last_sequence}: the missed events are sent first (then the
     * acknowledgement says {@code "resumed": "events"}), or, with no number or too far behind, the acknowledgement
     * holds a snapshot ({@code "resumed": "snapshot"}). Live events follow either way, without gap or repeat.
     */
    private void join(Connection connection, String sessionId, JsonNode lastSequence, Consumer<ObjectNode> ack) {
        String user = connection.userId();
        Session session = sessions.session(sessionId, user);
        if (!session.hasMember(user)) {
            throw new ChannelError(403, "forbidden", "join the session first (POST /v1/sessions/{id}/join or by invite code), then follow it here");
        }
        long from = lastSequence == null || lastSequence.isNull() ? -1 : longNumber(lastSequence);
        if (from > session.sequence()) {
            throw ChannelError.invalid("'last_sequence' " + from + " is past the session's last event " + session.sequence());
        }
        synchronized (connection) {
            // in the room first, then read the log: an event committed meanwhile is either in what is read here or
            // delivered after this lock is released (and then dropped as already sent, or sent as the next one)
            rooms.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(connection);
            if (from >= 0 && session.sequence() - from <= config.resume_max_events()) {
                List<SessionEvent> missed = eventsAfter(sessionId, user, from);
                long position = missed.isEmpty() ? from : missed.get(missed.size() - 1).sequence();
                ack.accept(ChannelJson.ok().put("resumed", "events").put("sequence", from).put("replayed", missed.size()));
                connection.replay(sessionId, missed, position);
            } else {
                sendSnapshot(connection, sessionId, ack);
            }
        }
        announceFollow(sessionId, connection);
    }

    /** The join's acknowledgement with a snapshot, then the events after it; the caller holds the connection's lock. */
    private void sendSnapshot(Connection connection, String sessionId, Consumer<ObjectNode> ack) {
        String user = connection.userId();
        Snapshot snapshot = snapshot(sessionId, user);
        long position = snapshot.session().sequence();
        ObjectNode answer = ChannelJson.ok().put("resumed", "snapshot").put("sequence", position);
        ObjectNode body = answer.putObject("snapshot");
        body.set("session", ChannelJson.session(snapshot.session(), user));
        body.set("queue", ChannelJson.queue(snapshot.queue(), user));
        body.set("playback", ChannelJson.playback(snapshot.playback()));
        List<SessionEvent> since = eventsAfter(sessionId, user, position);
        ack.accept(answer);
        connection.replay(sessionId, since, since.isEmpty() ? position : since.get(since.size() - 1).sequence());
    }

    private void announceFollow(String sessionId, Connection connection) {
        FollowListener listener = followListener;
        if (listener != null) {
            listener.followed(sessionId, connection);
        }
    }

    /** Every stored event after the sequence number, oldest first. */
    private List<SessionEvent> eventsAfter(String sessionId, String user, long from) {
        List<SessionEvent> events = new ArrayList<>();
        long position = from;
        while (true) {
            List<SessionEvent> page = sessions.events(sessionId, user, position, SessionService.MAX_EVENTS);
            if (page.isEmpty()) {
                return events;
            }
            events.addAll(page);
            position = page.get(page.size() - 1).sequence();
        }
    }

    private record Snapshot(Session session, List<QueueItem> queue, Playback playback) {
    }

    /**
     * The session, its queue and its playback at one sequence number (read again while a change slipped in between;
     * reading playback may itself settle an item that ended, which is such a change).
     */
    private Snapshot snapshot(String sessionId, String user) {
        Session before = sessions.session(sessionId, user);
        for (int attempt = 0; ; attempt++) {
            Playback playback = sessions.playback(sessionId, user);
            List<QueueItem> queue = sessions.queue(sessionId, user);
            Session after = sessions.session(sessionId, user);
            if (after.sequence() == before.sequence() || attempt == 3) {
                // after three tries the queue may already show some of the events that follow: they are announcements
                return new Snapshot(before, queue, playback);
            }
            before = after;
        }
    }

    private void unfollow(Connection connection, String sessionId) {
        connection.unfollow(sessionId);
        boolean[] removed = {false};
        rooms.computeIfPresent(sessionId, (id, members) -> {
            removed[0] = members.remove(connection);
            return members.isEmpty() ? null : members;
        });
        FollowListener listener = followListener;
        if (removed[0] && listener != null) {
            listener.unfollowed(sessionId);
        }
    }

    /** @return the lowest sequence number sent to a connection of this node that follows the session, empty when none does */
    java.util.OptionalLong lowestPosition(String sessionId) {
        Set<Connection> room = rooms.get(sessionId);
        if (room == null) {
            return java.util.OptionalLong.empty();
        }
        return room.stream().map(connection -> connection.position(sessionId)).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).min();
    }

    /** @return the users with a connection on this node that follows the session */
    Set<String> followersOf(String sessionId) {
        Set<Connection> room = rooms.get(sessionId);
        if (room == null) {
            return Set.of();
        }
        Set<String> users = new java.util.HashSet<>();
        room.forEach(connection -> users.add(connection.userId()));
        return users;
    }

    /** Sends a message that is not a session event (no sequence number) to every connection on this node following the session. */
    void sendToFollowers(String sessionId, String event, String bodyJson) {
        Set<Connection> room = rooms.get(sessionId);
        if (room != null) {
            room.forEach(connection -> connection.notice(event, bodyJson));
        }
    }

    /** Sends the event to every connection on this node that follows its session. */
    void deliver(SessionEvent event) {
        Set<Connection> room = rooms.get(event.sessionId());
        if (room == null) {
            return;
        }
        for (Connection connection : room) {
            connection.deliver(event, log);
            if (!connection.follows(event.sessionId())) {
                unfollow(connection, event.sessionId());
            }
        }
    }

    /** @return the sessions some connection of this node follows */
    Set<String> followedSessions() {
        return Set.copyOf(rooms.keySet());
    }

    /** @return a user of this node who follows the session (to read its event log), empty when none does */
    Optional<String> readerOf(String sessionId) {
        Set<Connection> room = rooms.get(sessionId);
        return room == null ? Optional.empty() : room.stream().map(Connection::userId).findFirst();
    }

    private static ObjectNode queued(List<QueueItem> queue, String user) {
        ObjectNode ack = ChannelJson.ok();
        ack.set("queue", ChannelJson.queue(queue, user));
        return ack;
    }

    /** The catalog ids of the uris, in order; refused for too few, too many, malformed or unknown ones (one bulk lookup). */
    private List<String> knownTracks(JsonNode uris) {
        if (uris == null || !uris.isArray() || uris.isEmpty() || uris.size() > SessionService.MAX_ADD) {
            throw ChannelError.invalid("'uris' is an array of 1 to " + SessionService.MAX_ADD + " track uris 'audotics:track:<id>'");
        }
        List<String> ids = new ArrayList<>(uris.size());
        for (JsonNode uri : uris) {
            ids.add(trackId(uri.isTextual() ? uri.asText() : null));
        }
        Set<String> distinct = new LinkedHashSet<>(ids);
        Map<String, Track> found = catalog.tracks(distinct);
        List<String> unknown = distinct.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ChannelError.invalid("'uris' names tracks the catalog does not have: " + String.join(", ", unknown));
        }
        return ids;
    }

    private static String trackId(String uri) {
        if (uri != null) {
            for (String prefix : new String[] {"audotics:track:", "spotify:track:"}) {
                if (uri.startsWith(prefix) && CatalogIds.isWellFormed(uri.substring(prefix.length()))) {
                    return uri.substring(prefix.length());
                }
            }
        }
        throw ChannelError.invalid("'uris' holds '" + uri + "', not a track uri 'audotics:track:<id>' or 'spotify:track:<id>'");
    }

    private static String text(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
            throw ChannelError.invalid("'" + field + "' is a text of 1 to 64 characters");
        }
        return value.asText();
    }

    private static int number(JsonNode args, String field, int min, int max) {
        JsonNode value = args.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw ChannelError.invalid("'" + field + "' is a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static long longNumber(JsonNode value) {
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw ChannelError.invalid("'last_sequence' is the sequence number of the last event seen, 0 or more");
        }
        return value.asLong();
    }
}
