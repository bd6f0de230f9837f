package org.audotics.catalog.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.audotics.http.api.ApiException;

/** Validation of catalog ids in paths and {@code ids=} lists. */
final class CatalogIds {

    /** Ids are opaque, but always 1..64 characters of letters, digits, '-' and '_'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CatalogIds() {
    }

    static String requireValid(String parameter, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.invalidParameter(parameter + " must be an id of 1 to 64 letters, digits, '-' or '_'");
        }
        return id;
    }

    /** Parses a required comma-separated id list of 1..{@code max} ids, keeping order and duplicates. */
    static List<String> list(String parameter, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter(parameter + " is required: a comma-separated list of 1 to " + max + " ids");
        }
        String[] parts = value.split(",", -1);
        if (parts.length > max) {
            throw ApiException.invalidParameter(parameter + " lists " + parts.length + " ids; at most " + max + " are allowed");
        }
        List<String> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            ids.add(requireValid(parameter, part.strip()));
        }
        return ids;
    }
}
