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
 * @param forMembers for an item the server added ({@code addedBy} {@link #SERVER}) from the group's recommendations:
 *                   the members it was chosen for; empty for an item a member added (since 1.1)
 * @param satisfaction for an item the server added: each member's satisfaction with it when it was chosen, 0..1;
 *                   empty otherwise (since 1.1)
 */
public record QueueItem(String id, String trackId, String addedBy, Instant addedAt, List<Vote> votes, long orderKey, List<String> forMembers,
        java.util.Map<String, Double> satisfaction) {

    /** {@link #addedBy()} of the items auto-fill added from the group's recommendations (no account has this id). @since 1.1 */
    public static final String SERVER = "audotics:server";

    public QueueItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
        votes = List.copyOf(votes);
        forMembers = List.copyOf(forMembers);
        satisfaction = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(satisfaction));
    }

    /** An item a member added (the 1.0 shape). */
    public QueueItem(String id, String trackId, String addedBy, Instant addedAt, List<Vote> votes, long orderKey) {
        this(id, trackId, addedBy, addedAt, votes, orderKey, List.of(), java.util.Map.of());
    }

    /** @return up votes minus down votes */
    public int netVotes() {
        return votes.stream().mapToInt(Vote::value).sum();
    }
}
