package org.audotics.auth.internal;

/**
 * A refused token or revocation request, answered in OAuth 2's error shape (RFC 6749 section 5.2)
 * {@code {"error": "invalid_grant", "error_description": "..."}} rather than our usual error body, because
 * OAuth clients parse that shape. The description is for the client and never holds a secret.
 */
public final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    private OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
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

    /** 400: a scope that is unknown or more than the grant allows. */
    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    /** 503: accounts are not available right now (answered with {@code Retry-After}). */
    static OAuthError temporarilyUnavailable(String description) {
        return new OAuthError(503, "temporarily_unavailable", description);
    }
}
