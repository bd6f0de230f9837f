package org.audotics.ratelimit.api;

/**
 * Whether one request may go ahead.
 *
 * @param allowed           true: serve it
 * @param limitedBy         when refused, which limit was used up: {@code "token"} or {@code "address"}; null when allowed
 * @param limit             requests allowed per window by the limit that decided (the tighter one when allowed), 0
 *                          when nothing limits the request (limits off, counters unreachable)
 * @param retryAfterSeconds when refused, the whole seconds after which the same request would be allowed (at
 *                          least 1); 0 when allowed
 */
public record Decision(boolean allowed, String limitedBy, int limit, long retryAfterSeconds) {

    private static final Decision UNLIMITED = new Decision(true, null, 0, 0);

    public Decision {
        if (allowed && (limitedBy != null || retryAfterSeconds != 0)) {
            throw new IllegalArgumentException("an allowed request has no limitedBy and no retryAfterSeconds");
        }
        if (!allowed && (limitedBy == null || retryAfterSeconds < 1)) {
            throw new IllegalArgumentException("a refused request names its limit and a retryAfterSeconds of at least 1");
        }
    }

    /** A request nothing limits. */
    public static Decision unlimited() {
        return UNLIMITED;
    }

    public static Decision allowed(int limit) {
        return new Decision(true, null, limit, 0);
    }

    public static Decision refused(String limitedBy, int limit, long retryAfterSeconds) {
        return new Decision(false, limitedBy, limit, retryAfterSeconds);
    }
}
