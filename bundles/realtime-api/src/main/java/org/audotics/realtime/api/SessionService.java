package org.audotics.realtime.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Group listening sessions: members, a shared queue with votes, and the event log of every change.
 *
 * <p>Provided by the realtime bundle; called by its REST resources and, later, its realtime channel. Thread-safe:
 * the changes of one session are serialised across nodes (each runs in one database transaction holding the
 * session's row), and every change is decided against the state it holds. Every change adds one to the session's
 * sequence number and records one {@link SessionEvent} before its commit; a restart loses no session, member, item,
 * vote or event. Callers are account ids, passed explicitly, never null; ids that name nothing are answered with
 * {@link SessionException} ({@code NOT_FOUND}), not {@code null}.
 *
 * <p><b>Membership.</b> A user is a present member from joining until leaving or removal. A member who left may join
 * again (and is then the newest member); a member the host removed cannot ({@code REMOVED}), by code or by id. When
 * the host leaves, the present member who joined earliest becomes host (ties: the smaller account id); when the last
 * member leaves, the session ends. An ended session is {@code NOT_FOUND} for every operation except
 * {@link #events}.
 *
 * <p><b>Queue order</b> (the one rule, {@link #queue}): net votes (up minus down) descending, then
 * {@link QueueItem#orderKey()} ascending, which is the order in which items were added unless a reorder moved them.
 * A reorder moves an item only among the items with the same net votes ({@code CONFLICT} otherwise): votes decide
 * across groups, the reorder rule within one.
 *
 * <p>Every operation may also throw the storage API's {@code StorageException} when the database fails.
 */
@ProviderType
public interface SessionService {

    /** Longest session name, in characters. */
    int MAX_NAME_LENGTH = 100;
    /** Largest {@code maxMembers}. */
    int MAX_MEMBERS = 1000;
    /** Length of an invite code: characters of {@code 23456789ABCDEFGHJKLMNPQRSTUVWXYZ} (50 random bits). */
    int INVITE_CODE_LENGTH = 10;
    /** Most items a queue holds. */
    int MAX_QUEUE = 1000;
    /** Most tracks one {@link #add} call adds. */
    int MAX_ADD = 100;
    /** Most events one {@link #events} call answers. */
    int MAX_EVENTS = 1000;

    /** Creates a session hosted by {@code userId}, its first member. */
    Session create(String userId, SessionSettings settings);

    /** @return the session; {@code FORBIDDEN} for a private session the user is no member of */
    Session session(String sessionId, String userId);

    /** @return the running sessions the user is a member of, then the public ones they are not in, newest first, at most {@code limit} (1 to 100) */
    List<Session> sessions(String userId, int limit);

    /**
     * Joins the session whose invite code this is (case-insensitive). Joining a session one is in changes nothing.
     * {@code NOT_FOUND} for an unknown code, {@code REMOVED}, {@code FULL}.
     */
    Session joinByCode(String userId, String inviteCode);

    /** Joins a public session by its id; {@code FORBIDDEN} for a private one the user is not in, {@code REMOVED}, {@code FULL}. */
    Session join(String sessionId, String userId);

    /** Leaves the session (see the class comment for the host and the last member); {@code FORBIDDEN} for a non-member. */
    void leave(String sessionId, String userId);

    /** The host hands the session over to a present member; {@code FORBIDDEN} for anyone else, {@code INVALID} for a non-member. */
    Session handOver(String sessionId, String hostId, String newHostId);

    /** The host removes a present member, who cannot join again; {@code FORBIDDEN} for anyone else, {@code INVALID} for a non-member or the host. */
    Session removeMember(String sessionId, String hostId, String memberId);

    /** The host ends the session; {@code FORBIDDEN} for anyone else. */
    void end(String sessionId, String hostId);

    /** @return the queue in its order; {@code FORBIDDEN} for a non-member */
    List<QueueItem> queue(String sessionId, String userId);

    /**
     * Appends catalog tracks (1 to {@link #MAX_ADD} ids, which the caller checked against the catalog), each as a new
     * item added by {@code userId}; {@code RULE} when the rules let only the host add, {@code INVALID} past
     * {@link #MAX_QUEUE}.
     *
     * @return the queue after the change
     */
    List<QueueItem> add(String sessionId, String userId, List<String> trackIds);

    /** Removes an item (its adder may always); {@code RULE} otherwise when only the host may. @return the queue after */
    List<QueueItem> remove(String sessionId, String userId, String itemId);

    /**
     * Moves an item to {@code position} (0-based) of the queue's order; {@code INVALID} past the end, {@code CONFLICT}
     * when the place is outside the items with the item's net votes, {@code RULE} when only the host may.
     *
     * @return the queue after
     */
    List<QueueItem> move(String sessionId, String userId, String itemId, int position);

    /** Sets the member's vote on an item: 1 up, -1 down, 0 withdraws it. @return the queue after */
    List<QueueItem> vote(String sessionId, String userId, String itemId, int value);

    /**
     * @return the session's events with a sequence number above {@code afterSequence}, oldest first, at most
     *         {@code limit} (1 to {@link #MAX_EVENTS}); also of an ended session, to its members of the end
     */
    List<SessionEvent> events(String sessionId, String userId, long afterSequence, int limit);
}
