package org.audotics.history.internal.store;

import org.audotics.history.api.ListeningEvent;

/**
 * An event ready to be written: the event, its weight, and the artists of its track (for the artist rollups).
 */
public record EventRow(ListeningEvent event, double weight, java.util.List<String> artistIds) {

    public EventRow {
        artistIds = java.util.List.copyOf(artistIds);
    }

    /** The UTC day the event counts for in the rollups. */
    long epochDay() {
        return Math.floorDiv(event.startedAt().toEpochMilli(), 86_400_000L);
    }
}
