package org.audotics.history.api;

import java.util.Objects;

/**
 * Why one event of a batch cannot be stored.
 *
 * @param index  its 0-based position in the batch
 * @param reason for people, naming the field, e.g. "track_id 'x' is not in the catalog"
 */
public record Rejection(int index, String reason) {

    public Rejection {
        if (index < 0) {
            throw new IllegalArgumentException("index must be at least 0");
        }
        Objects.requireNonNull(reason, "reason");
    }
}
