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
 * <p><b>Playback</b> (since 1.1). The queue holds the items waiting; the item playing has left it. At most one item
 * plays (or is paused) at a time; its position advances with the server's clock while playing. When it reaches the
 * track's end, the first item of the queue (by the order rule) starts at that moment, and so on: this is computed
 * whenever the session is read or changed, so no timer runs per session, and a restart changes nothing. An item also
 * ends by {@link #next} or when the share of present members who voted to skip it reaches the rules' skip share
 * (counted over the members present at each vote or read). Each ended item is written to the history of every member
 * present as it ends (context: the session; a play when it ran to its end, a skip otherwise), after the commit and
 * best effort. Every playback change records one {@code playback_changed} event. Who may play, pause, seek and go
 * to the next item is {@link SessionRules#playback()}; who may vote to skip, {@link SessionRules#skip()}.
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
     * Appends catalog tracks (1 to {@link #MAX_QUEUE} ids, which the caller checked against the catalog; the REST
     * resource takes at most {@link #MAX_ADD} uris, a playlist among them counting as its tracks), each as a new
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

    /** Most items one {@link #played} call answers. @since 1.1 */
    int MAX_PLAYED = 1000;

    /** @return what plays now, the position settled at the server's time of the answer; {@code FORBIDDEN} for a non-member @since 1.1 */
    Playback playback(String sessionId, String userId);

    /**
     * Plays: resumes the paused item, or starts the first item of the queue when nothing plays; playing changes
     * nothing. {@code RULE} under the playback rule, {@code INVALID} when nothing plays and the queue is empty.
     *
     * @since 1.1
     */
    Playback play(String sessionId, String userId);

    /** Pauses at the live position; paused or nothing playing changes nothing. {@code RULE} under the playback rule. @since 1.1 */
    Playback pause(String sessionId, String userId);

    /**
     * Moves the item playing (or paused) to {@code positionMs}, keeping it playing or paused; {@code INVALID} when
     * nothing plays or the position is not within 0 and the track's duration; {@code RULE} under the playback rule.
     *
     * @since 1.1
     */
    Playback seek(String sessionId, String userId, long positionMs);

    /** Ends the item playing (a skip when before its end) and starts the next; {@code RULE} under the playback rule. @since 1.1 */
    Playback next(String sessionId, String userId);

    /**
     * The member votes to skip the item playing: a second vote of the same member changes nothing; when the voters'
     * share of present members reaches the skip share, the item ends as a skip and the next starts. {@code RULE} when
     * only the host may skip and the caller is not the host; {@code INVALID} when nothing plays.
     *
     * @since 1.1
     */
    Playback voteSkip(String sessionId, String userId);

    /** The host changes the group strategy (one of {@link SessionSettings#STRATEGIES}, else {@code INVALID}); {@code FORBIDDEN} for anyone else. @since 1.1 */
    Session changeStrategy(String sessionId, String hostId, String strategy);

    /**
     * @return the items that played (the one playing last), oldest first, at most {@code limit} (1 to
     *         {@link #MAX_PLAYED}) of the newest; {@code FORBIDDEN} for a non-member
     * @since 1.1
     */
    List<QueueItem> played(String sessionId, String userId, int limit);
}
