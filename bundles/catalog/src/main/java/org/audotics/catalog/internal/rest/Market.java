package org.audotics.catalog.internal.rest;

import java.util.regex.Pattern;
import org.audotics.http.api.ApiException;

/**
 * Spotify's {@code market} (and the older {@code country}) parameter: accepted and checked so Spotify
 * clients keep working, but the catalog has no markets, so it filters nothing.
 */
final class Market {

    private static final Pattern MARKET = Pattern.compile("[A-Za-z]{2}|from_token");

    private Market() {
    }

    /** @throws ApiException 400 when the value is neither an ISO 3166-1 alpha-2 code nor {@code from_token} */
    static void check(String name, String value) {
        if (value != null && !MARKET.matcher(value).matches()) {
            throw ApiException.invalidParameter(name + " must be an ISO 3166-1 alpha-2 country code or from_token");
        }
    }
}
