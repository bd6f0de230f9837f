package org.audotics.catalog.api;

import java.util.regex.Pattern;

/**
 * What a catalog id (track, artist, album) looks like: opaque, but always 1..64 characters of letters,
 * digits, '-' and '_'. REST resources check ids with it before looking them up, so a malformed id is a
 * 400 and an unknown well-formed one a 404.
 */
public final class CatalogIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The rule in words, for error messages. */
    public static final String RULE = "an id of 1 to 64 letters, digits, '-' or '_'";

    private CatalogIds() {
    }

    public static boolean isWellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
