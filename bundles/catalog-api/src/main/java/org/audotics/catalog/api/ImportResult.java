package org.audotics.catalog.api;

import java.util.List;

/**
 * What an import batch did.
 *
 * @param created tracks that were new
 * @param updated tracks that existed (same external id) and were overwritten with the batch's values
 * @param tracks  every track of the batch, in batch order
 */
public record ImportResult(int created, int updated, List<ImportedTrack> tracks) {

    public ImportResult {
        tracks = List.copyOf(tracks);
    }

    /** One imported track: its external id, the catalog id it has, and whether it was new. */
    public record ImportedTrack(String externalId, String id, boolean created) {
    }
}
