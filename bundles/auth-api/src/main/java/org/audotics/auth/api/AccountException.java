package org.audotics.auth.api;

import java.util.Objects;

/** A refused account operation; the message is for the client. */
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Reason { EMAIL_TAKEN, WEAK_PASSWORD, INVALID_FIELD, NOT_FOUND }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
