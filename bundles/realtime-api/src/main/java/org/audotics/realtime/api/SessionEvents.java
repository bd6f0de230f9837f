package org.audotics.realtime.api;

/**
 * The session event types and their Event Admin topics.
 *
 * <p>Every change of a session adds one to its sequence number and records one {@link SessionEvent} in the same
 * transaction, so the events of a session are numbered 1, 2, 3, ... without gaps and can be replayed from any
 * number ({@link SessionService#events}). After the commit, and only then, the event is posted on Event Admin under
 * {@link #TOPIC_PREFIX} + the type in upper case (e.g. {@code org/audotics/realtime/MEMBER_JOINED}) with the
 * properties {@link #SESSION_ID} ({@code String}), {@link #SEQUENCE} ({@code Long}), {@link #TYPE} ({@code String})
 * and {@link #PAYLOAD} ({@code String}, a JSON object). Posting is best effort (at most once, this node only): a
 * consumer that must not miss an event compares sequence numbers and reads the gap from {@link SessionService#events}.
 */
public final class SessionEvents {

    public static final String TYPE_MEMBER_JOINED = "member_joined";
    public static final String TYPE_MEMBER_LEFT = "member_left";
    public static final String TYPE_QUEUE_UPDATED = "queue_updated";
    public static final String TYPE_VOTE_CAST = "vote_cast";
    public static final String TYPE_PLAYBACK_CHANGED = "playback_changed";
    public static final String TYPE_SESSION_ENDED = "session_ended";
    /** The event that opens every session (sequence 1). */
    public static final String TYPE_SESSION_CREATED = "session_created";
    /** The host changed (hand-over, or the host left). */
    public static final String TYPE_HOST_CHANGED = "host_changed";
    /** A member voted to skip the item playing (payload {@code item_id}, {@code user_id}, {@code votes}, {@code needed}). @since 1.1 */
    public static final String TYPE_SKIP_VOTED = "skip_voted";
    /** The host changed the session's settings (payload {@code strategy}). @since 1.1 */
    public static final String TYPE_SETTINGS_CHANGED = "settings_changed";

    public static final String TOPIC_PREFIX = "org/audotics/realtime/";
    /** Event Admin topic filter matching every session event. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    public static final String SESSION_ID = "session_id";
    public static final String SEQUENCE = "sequence";
    public static final String TYPE = "type";
    public static final String PAYLOAD = "payload";

    private SessionEvents() {
    }

    /** @return the Event Admin topic of an event type */
    public static String topic(String type) {
        return TOPIC_PREFIX + type.toUpperCase(java.util.Locale.ROOT);
    }
}
