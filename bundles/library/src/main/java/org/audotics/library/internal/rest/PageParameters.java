package org.audotics.library.internal.rest;

import org.audotics.http.api.ApiException;

/**
 * Spotify's {@code limit} and {@code offset}: limit 1..max (default 20), offset 0 or more (default 0). Anything
 * else is a 400 naming the parameter.
 */
record PageParameters(int offset, int limit) {

    static final int DEFAULT_LIMIT = 20;

    static PageParameters of(String offset, String limit, int maxLimit) {
        return new PageParameters(number("offset", offset, 0, 0, Integer.MAX_VALUE), number("limit", limit, Math.min(DEFAULT_LIMIT, maxLimit), 1, maxLimit));
    }

    /** A whole number query parameter in {@code [min, max]}, or {@code fallback} when absent. */
    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        String problem = name + " must be a whole number from " + min + " to " + max;
        if (!value.matches("\\d{1,10}")) {
            throw ApiException.invalidParameter(problem);
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            throw ApiException.invalidParameter(problem);
        }
        return (int) parsed;
    }
}
