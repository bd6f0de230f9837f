package org.audotics.realtime.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One track in a session's shared queue.
 *
 * @param id       the item's id (a track may be queued more than once, each time as its own item)
 * @param trackId  the catalog id of the track
 * @param addedBy  the account id of the member who added it
 * @param addedAt  when it was added
 * @param votes    the members' votes, never null
 * @param orderKey the tie-break between items with the same net votes, ascending: the session sequence number of the
 *                 change that added the item, or the place a reorder gave it
 */
public record QueueItem(String id, String trackId, String addedBy, Instant addedAt, List<Vote> votes, long orderKey) {

    public QueueItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
        votes = List.copyOf(votes);
    }

    /** @return up votes minus down votes */
    public int netVotes() {
        return votes.stream().mapToInt(Vote::value).sum();
    }
}
