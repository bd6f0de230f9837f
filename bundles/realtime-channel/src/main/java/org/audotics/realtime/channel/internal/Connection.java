package org.audotics.realtime.channel.internal;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionService;

/**
 * One client of the channel (a Socket.IO socket or a plain WebSocket) and the sessions it follows, each with the
 * sequence number of the last event sent to it. Every send to the client happens under this object's lock, so a
 * client sees each session's events once, in sequence order, with no gap: a gap is filled from the event log
 * before the next event goes out.
 */
abstract class Connection {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String userId;
    /** The access token the client connected with: re-checked on every action and by the hub's sweep. */
    private final String token;
    private final RateLimit rate;
    /** Session id to the sequence number last sent; guarded by {@code this}. */
    private final Map<String, Long> following = new HashMap<>();

    Connection(String userId, String token, RateLimit rate) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        this.id = HexFormat.of().formatHex(bytes);
        this.userId = userId;
        this.token = token;
        this.rate = rate;
    }

    final String id() {
        return id;
    }

    final String userId() {
        return userId;
    }

    final String token() {
        return token;
    }

    private final AtomicBoolean closed = new AtomicBoolean();

    /** @return true the first time only: the hub releases a connection once, whichever of its ends comes first */
    final boolean markClosed() {
        return !closed.getAndSet(true);
    }

    private volatile boolean cutOff;
    private final AtomicBoolean cutOffHandled = new AtomicBoolean();

    /**
     * @return whether one more client message is within this connection's rate limit; the first one over it cuts
     *         the connection off, and from then on every message is ignored until the transport has closed it
     */
    final boolean withinRate() {
        if (cutOff) {
            return false;
        }
        if (rate.take(System.nanoTime())) {
            return true;
        }
        cutOff = true;
        return false;
    }

    /** @return whether a message was over the rate limit: the connection is being closed and acts on nothing more */
    final boolean isCutOff() {
        return cutOff;
    }

    /** @return whether {@link #withinRate} refused a message, so the caller disconnects the client (once) */
    final boolean firstOverRate() {
        return cutOff && !cutOffHandled.getAndSet(true);
    }

    /** Writes one event or message to the client without blocking. */
    protected abstract void send(String event, String bodyJson);

    /** Tells the client why (an {@code error} message with the code) and closes the connection. */
    abstract void disconnect(String code, String message);

    final synchronized void follow(String sessionId, long lastSentSequence) {
        following.put(sessionId, lastSentSequence);
    }

    final synchronized boolean unfollow(String sessionId) {
        return following.remove(sessionId) != null;
    }

    final synchronized boolean follows(String sessionId) {
        return following.containsKey(sessionId);
    }

    /** @return the sequence number last sent of the session, or null when not following it */
    final synchronized Long position(String sessionId) {
        return following.get(sessionId);
    }

    final synchronized Set<String> followed() {
        return Set.copyOf(following.keySet());
    }

    /** Sends what the client has not had of the session up to this event, then the event. */
    final synchronized void deliver(SessionEvent event, EventLog log) {
        Long last = following.get(event.sessionId());
        if (last == null || event.sequence() <= last) {
            return;
        }
        long sent = last;
        try {
            while (sent < event.sequence() - 1) {
                List<SessionEvent> missed = log.after(event.sessionId(), userId, sent, (int) Math.min(SessionService.MAX_EVENTS, event.sequence() - 1 - sent));
                if (missed.isEmpty()) {
                    break;
                }
                for (SessionEvent m : missed) {
                    if (m.sequence() < event.sequence()) {
                        sendEvent(m);
                        sent = m.sequence();
                    }
                }
            }
        } catch (SessionException e) {
            // no longer allowed to read the session (left or removed): the event below is its last one
        }
        sendEvent(event);
        following.put(event.sessionId(), event.sequence());
        if (endsFollowing(event)) {
            following.remove(event.sessionId());
        }
    }

    /** Sends a message that is not a session event (presence): under the lock, so it never splits a replay. */
    final synchronized void notice(String event, String bodyJson) {
        send(event, bodyJson);
    }

    /** Sends stored events as they are (a replay on join): the caller holds the lock and sets the position. */
    final synchronized void replay(String sessionId, List<SessionEvent> events, long position) {
        for (SessionEvent event : events) {
            sendEvent(event);
        }
        following.put(sessionId, position);
    }

    private void sendEvent(SessionEvent event) {
        send(event.type(), ChannelJson.event(event));
    }

    /** A member who left or was removed, and everyone when the session ended, stop receiving its events. */
    private boolean endsFollowing(SessionEvent event) {
        return SessionEvents.TYPE_SESSION_ENDED.equals(event.type())
                || SessionEvents.TYPE_MEMBER_LEFT.equals(event.type()) && userId.equals(ChannelJson.field(event.payloadJson(), "user_id"));
    }
}
