package org.audotics.auth.internal;

import org.audotics.http.api.ErrorResponses;

/**
 * A refused token or revocation request, answered in OAuth 2's error shape (RFC 6749 section 5.2)
 * {@code {"error": "invalid_grant", "error_description": "..."}} rather than our usual error body, because
 * OAuth clients parse that shape. The description is for the client and never holds a secret.
 */
public final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final long retryAfterSeconds;
    private final String challenge;

    private OAuthError(int status, String error, String description) {
        this(status, error, description, 0);
    }

    private OAuthError(int status, String error, String description, long retryAfterSeconds) {
        this(status, error, description, retryAfterSeconds, null);
    }

    private OAuthError(int status, String error, String description, long retryAfterSeconds, String challenge) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Seconds for {@code Retry-After}, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The {@code WWW-Authenticate} challenge to answer with, or null for none. */
    public String challenge() {
        return challenge;
    }

    /**
     * 401 with {@code WWW-Authenticate: Basic} (RFC 6749 section 5.2): the client is unknown, its secret wrong,
     * or its credentials malformed.
     */
    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description, 0, "Basic realm=\"audotics\"");
    }

    /** 400: a parameter is missing, repeated or malformed. */
    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /** 400: the credentials or the refresh token are wrong, expired or revoked. */
    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    /** 400: a grant type this server does not offer. */
    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description);
    }

    /** 400: a {@code token_type_hint} this server does not revoke (RFC 7009 section 2.2.1). */
    static OAuthError unsupportedTokenType(String description) {
        return new OAuthError(400, "unsupported_token_type", description);
    }

    /** 400: a scope that is unknown or more than the grant allows. */
    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    /** 503: accounts are not available right now (answered with {@code Retry-After}). */
    static OAuthError temporarilyUnavailable(String description) {
        return new OAuthError(503, "temporarily_unavailable", description, ErrorResponses.RETRY_AFTER_SECONDS);
    }

    /**
     * 429 {@code too_many_attempts}: too many failed sign-ins for the account or from the address. RFC 6749
     * registers no code for this (its {@code temporarily_unavailable} means the server is in trouble, a 503,
     * and RFC 8628's {@code slow_down} is about device-flow polling); {@code too_many_attempts} is the code
     * Auth0's token endpoint answers for the same refusal, and the status and {@code Retry-After} say the rest.
     */
    static OAuthError tooManyAttempts(String description, long retryAfterSeconds) {
        return new OAuthError(429, "too_many_attempts", description, retryAfterSeconds);
    }
}
