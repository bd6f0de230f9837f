package org.audotics.library.api;

import java.util.Objects;

/**
 * A library operation refused for a reason the caller can act on; the message is meant for the client and
 * names the offending field, id or position. The library bundle maps each {@link Reason} to its HTTP answer.
 */
public class LibraryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Reason {
        /** No such playlist, or one the caller may not see (a private playlist of another user). */
        NOT_FOUND,
        /** The caller sees the playlist but may not change it this way (not its owner or an editor). */
        FORBIDDEN,
        /** A positional change sent with a {@code snapshot_id} that is not the playlist's current one. */
        STALE_SNAPSHOT,
        /** A position, range or field out of range or malformed. */
        INVALID,
        /** The change would make the playlist longer than {@link PlaylistService#MAX_TRACKS}. */
        PLAYLIST_FULL
    }

    private final Reason reason;

    public LibraryException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
