package org.audotics.realtime.api;

import java.util.Objects;

/** A refusal of {@link SessionService}: the reason says which, the message says why in words a client can show. */
public class SessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Reason {
        /** No such session (or it ended), or no such queue item in it. */
        NOT_FOUND,
        /** The caller is not a member, or not the host where the host is needed, or the session is private. */
        FORBIDDEN,
        /** The session's rules do not let this member do this. */
        RULE,
        /** The session has {@code maxMembers} present members. */
        FULL,
        /** The host removed this user from the session: they cannot join it again. */
        REMOVED,
        /** An argument names something that does not fit (a user who is no member, a position past the queue). */
        INVALID,
        /** The change contradicts the queue's order rule (a move across items with other net votes). */
        CONFLICT
    }

    private final Reason reason;

    public SessionException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
