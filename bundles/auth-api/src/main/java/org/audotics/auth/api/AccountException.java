package org.audotics.auth.api;

import java.util.Objects;

/**
 * A refused account operation; the message is for the client (it names the field or rule, never a
 * password). The auth bundle's REST layer answers {@link Reason#EMAIL_TAKEN} with 409
 * {@code email_taken}, {@link Reason#WEAK_PASSWORD} with 400 {@code weak_password},
 * {@link Reason#INVALID_FIELD} with 400 {@code invalid_body} and {@link Reason#NOT_FOUND} with 404.
 *
 * @since 1.1
 */
public class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Reason {
        /** Another account has this email (compared case-insensitively). */
        EMAIL_TAKEN,
        /** The password breaks the password policy (length, or a commonly breached password). */
        WEAK_PASSWORD,
        /** A field is missing, malformed or out of range: an email, display name, country or preference. */
        INVALID_FIELD,
        /** No account has the id. */
        NOT_FOUND
    }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
