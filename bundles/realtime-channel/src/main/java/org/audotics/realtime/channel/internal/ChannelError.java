package org.audotics.realtime.channel.internal;

import org.audotics.realtime.api.SessionException;

/**
 * A refused client message, as the channel's error object {@code {"status", "code", "message"}} (the codes and
 * statuses of the REST API's error body, docs/api.md).
 */
final class ChannelError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String INVALID_MESSAGE = "invalid_message";
    static final String UNKNOWN_ACTION = "unknown_action";
    static final String NOT_JOINED = "not_joined";
    static final String RATE_LIMITED = "rate_limited";
    static final String MESSAGE_TOO_LARGE = "message_too_large";
    static final String TOO_MANY_CONNECTIONS = "too_many_connections";
    static final String SERVER_FULL = "server_full";
    static final String TOKEN_EXPIRED = "token_expired";
    static final String UNAUTHORIZED = "unauthorized";
    static final String SLOW_CONSUMER = "slow_consumer";

    private final int status;
    private final String code;

    ChannelError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ChannelError invalid(String message) {
        return new ChannelError(400, INVALID_MESSAGE, message);
    }

    /** The REST API's status and code for a refusal of the session service. */
    static ChannelError of(SessionException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> new ChannelError(404, "not_found", e.getMessage());
            case FORBIDDEN -> new ChannelError(403, "forbidden", e.getMessage());
            case RULE -> new ChannelError(403, "host_only", e.getMessage());
            case FULL -> new ChannelError(409, "session_full", e.getMessage());
            case REMOVED -> new ChannelError(403, "removed_from_session", e.getMessage());
            case INVALID -> new ChannelError(400, "invalid_body", e.getMessage());
            case CONFLICT -> new ChannelError(409, "vote_order", e.getMessage());
        };
    }

    /** The HTTP-like status a disconnect with this code carries in its error body. */
    static int statusOf(String code) {
        return switch (code) {
            case RATE_LIMITED, TOO_MANY_CONNECTIONS -> 429;
            case TOKEN_EXPIRED, UNAUTHORIZED -> 401;
            case SERVER_FULL -> 503;
            default -> 400;
        };
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
