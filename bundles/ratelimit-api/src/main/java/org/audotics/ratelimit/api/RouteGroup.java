package org.audotics.ratelimit.api;

/**
 * The kinds of request that are limited separately, because they cost the server very differently: a client
 * that reads a lot must not lose its writes, and sign-in attempts are the ones an attacker multiplies.
 */
public enum RouteGroup {
    /** GET, HEAD and OPTIONS. */
    READS,
    /** Requests that change something: POST, PUT, PATCH, DELETE outside the other groups. */
    WRITES,
    /** Requests whose body is a file or a bulk document: audio uploads, catalog imports. */
    UPLOADS,
    /** Getting a token or an account: {@code /v1/auth/*} and password changes. */
    SIGN_IN
}
