package org.audotics.realtime.api;

import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The event stream of group sessions, fanned out to every node.
 *
 * <p>Provided by the realtime bundle; thread-safe. Listeners are called in sequence order per session and
 * must return quickly.
 */
@ProviderType
public interface SessionEvents {

    String TYPE_MEMBER_JOINED = "member_joined";
    String TYPE_MEMBER_LEFT = "member_left";
    String TYPE_QUEUE_UPDATED = "queue_updated";
    String TYPE_VOTE_CAST = "vote_cast";
    String TYPE_PLAYBACK_CHANGED = "playback_changed";
    String TYPE_SESSION_ENDED = "session_ended";

    /** Records an event, gives it the session's next sequence number and delivers it to all listeners. */
    SessionEvent publish(String sessionId, String type, String payloadJson);

    /** @return the session's events after {@code afterSequence}, oldest first, for a client that reconnects */
    List<SessionEvent> since(String sessionId, long afterSequence);

    /** Listens to one session's events; {@code close()} on the result stops listening. */
    AutoCloseable listen(String sessionId, Consumer<SessionEvent> listener);
}
