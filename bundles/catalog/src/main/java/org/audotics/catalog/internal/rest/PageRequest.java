package org.audotics.catalog.internal.rest;

import org.audotics.catalog.api.CatalogService;
import org.audotics.http.api.ApiException;

/**
 * Spotify's {@code limit} and {@code offset} query parameters, read the same way by every paged endpoint:
 * limit 1..{@value CatalogService#MAX_PAGE_LIMIT} (default {@value #DEFAULT_LIMIT}), offset 0 or more
 * (default 0; past the end the page is empty). Anything else is a 400 naming the parameter.
 */
record PageRequest(int offset, int limit) {

    static final int DEFAULT_LIMIT = 20;

    static PageRequest of(String offset, String limit) {
        return new PageRequest(number("offset", offset, 0, 0, Integer.MAX_VALUE),
                number("limit", limit, DEFAULT_LIMIT, 1, CatalogService.MAX_PAGE_LIMIT));
    }

    private static int number(String name, String value, int fallback, int min, int max) {
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
