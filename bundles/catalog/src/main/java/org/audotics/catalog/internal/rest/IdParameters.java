package org.audotics.catalog.internal.rest;

import java.util.ArrayList;
import java.util.List;
import org.audotics.http.api.ApiException;

/** Reads catalog ids from paths and {@code ids=} lists, answering 400 for malformed ones. */
final class IdParameters {

    private IdParameters() {
    }

    static String requireValid(String parameter, String id) {
        if (!org.audotics.catalog.api.CatalogIds.isWellFormed(id)) {
            throw ApiException.invalidParameter(parameter + " must be " + org.audotics.catalog.api.CatalogIds.RULE);
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
