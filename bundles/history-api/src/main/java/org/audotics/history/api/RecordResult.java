package org.audotics.history.api;

import java.util.Objects;

/**
 * What {@link HistoryService#record} did with a batch.
 *
 * @param batchId   the batch's id, as sent
 * @param stored    the number of events the batch stored (the first time it was sent, for a duplicate)
 * @param duplicate true when a batch with this id had already been stored for this user: nothing was stored now
 */
public record RecordResult(String batchId, int stored, boolean duplicate) {

    public RecordResult {
        Objects.requireNonNull(batchId, "batchId");
    }
}
