package org.audotics.history.internal.rest;

import org.audotics.http.api.ApiException;

/** Whole-number query parameters ({@code limit}, {@code offset}, {@code before}, {@code after}): 400 naming the parameter. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    static long number(String name, String value, long fallback, long min, long max) {
        if (value == null) {
            return fallback;
        }
        String problem = name + " must be a whole number from " + min + " to " + max;
        if (!value.matches("\\d{1,18}")) {
            throw ApiException.invalidParameter(problem);
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            throw ApiException.invalidParameter(problem);
        }
        return parsed;
    }
}
