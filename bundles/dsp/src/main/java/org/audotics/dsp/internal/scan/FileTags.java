package org.audotics.dsp.internal.scan;

import java.util.List;

/**
 * What a file says about itself, from its tags or, where they are missing, its name.
 *
 * @param title       never blank
 * @param artists     at least one
 * @param album       or null
 * @param genre       or null
 * @param trackNumber 0 when unknown
 * @param discNumber  0 when unknown
 * @param year        yyyy, or null
 * @param durationMs  from the header, 0 when unknown
 */
record FileTags(String title, List<String> artists, String album, String genre, int trackNumber, int discNumber, String year,
        int durationMs) {
}
