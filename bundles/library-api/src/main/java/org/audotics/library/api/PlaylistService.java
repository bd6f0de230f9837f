package org.audotics.library.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.catalog.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Playlists: their details, their ordered tracks, their editors and followers.
 *
 * <p>Provided by the library bundle; called by its REST resources and by other bundles, concurrently
 * (thread-safe). Every caller is named explicitly ({@code callerId}, an account id). Track ids are catalog
 * ids the caller has already checked against the catalog: this service stores them as given.
 *
 * <p><b>Who may do what.</b> A public playlist is readable by every user; a private one by its owner and its
 * editors only, and to anyone else it does not exist ({@link LibraryException.Reason#NOT_FOUND}). Tracks are
 * changed by the owner, and by editors while the playlist is collaborative; details, editors and deletion
 * belong to the owner. A caller who may read but not change gets {@link LibraryException.Reason#FORBIDDEN}.
 *
 * <p><b>Snapshots and conflicts.</b> Every change runs in one transaction holding the playlist's row, so
 * changes of one playlist are applied one after the other, each to the result of the previous one, and each
 * answers the new {@code snapshot_id}. A <em>positional</em> change (insert at a position, reorder, remove at
 * positions) means something only against the order its client saw: sent with a {@code snapshotId} other
 * than the current one it is refused with {@link LibraryException.Reason#STALE_SNAPSHOT} and changes nothing;
 * sent without one it applies to the current order. A change by track id only (add at the end, remove every
 * occurrence, replace) cannot be misread, and its {@code snapshotId} is not checked. So no accepted change is
 * ever applied to an order its client did not see, and the final order is always that of the accepted changes
 * replayed one after the other in the order of their snapshots.
 *
 * <p>Every change is recorded (who, what, when) and posted as {@link LibraryEvents#PLAYLIST_CHANGED} after
 * commit. Database failures surface as {@code org.audotics.storage.api.StorageException}.
 */
@ProviderType
public interface PlaylistService {

    /** The most tracks a playlist holds, as Spotify's. */
    int MAX_TRACKS = 10_000;

    /** The most tracks one change may add or name, as Spotify's 100 uris per request. */
    int MAX_TRACKS_PER_CHANGE = 100;

    /** The longest page of {@link #tracks}, as Spotify's. */
    int MAX_TRACK_PAGE = 100;

    /** The longest page of {@link #playlistsOf}, as Spotify's. */
    int MAX_PLAYLIST_PAGE = 50;

    /** The longest page of {@link #publicPlaylistsAfter} and the most ids of one {@link #publicPlaylists} call (1.1). */
    int MAX_PUBLIC_PAGE = 1_000;

    /**
     * Creates a playlist owned by {@code ownerId}, who follows it from then on.
     *
     * @throws LibraryException INVALID when the name is missing or a field is too long, or it would be public and collaborative
     */
    Playlist create(String ownerId, PlaylistDetails details);

    /** @return the playlist, or empty when it does not exist or the caller may not see it */
    Optional<Playlist> playlist(String playlistId, String callerId);

    /**
     * Changes the details (null fields are kept); a new snapshot even when nothing differs.
     *
     * @throws LibraryException NOT_FOUND, FORBIDDEN (not the owner), INVALID
     */
    Playlist changeDetails(String playlistId, String callerId, PlaylistDetails details);

    /**
     * Deletes the playlist, its tracks, editors, followers and change log.
     *
     * @throws LibraryException NOT_FOUND, FORBIDDEN (not the owner)
     */
    void delete(String playlistId, String callerId);

    /**
     * @param offset 0 or more; past the end the page is empty
     * @param limit  1..{@value #MAX_TRACK_PAGE}
     * @throws LibraryException NOT_FOUND
     */
    Page<PlaylistEntry> tracks(String playlistId, String callerId, int offset, int limit);

    /**
     * Inserts tracks, in the given order, before {@code position}, or at the end when it is null.
     *
     * @param trackIds   1..{@value #MAX_TRACKS_PER_CHANGE} ids; duplicates are kept (a playlist may repeat a track)
     * @param position   0..track count, or null for the end
     * @param snapshotId checked only when {@code position} is given; may be null
     * @return the new snapshot id
     * @throws LibraryException NOT_FOUND, FORBIDDEN, STALE_SNAPSHOT, INVALID (position out of range), PLAYLIST_FULL
     */
    String add(String playlistId, String callerId, List<String> trackIds, Integer position, String snapshotId);

    /**
     * Moves {@code rangeLength} tracks starting at {@code rangeStart} to before the track at
     * {@code insertBefore} (positions counted before the move; the track count moves them to the end), as
     * Spotify's reorder.
     *
     * @param snapshotId may be null
     * @return the new snapshot id
     * @throws LibraryException NOT_FOUND, FORBIDDEN, STALE_SNAPSHOT, INVALID (a range outside the playlist)
     */
    String reorder(String playlistId, String callerId, int rangeStart, int rangeLength, int insertBefore, String snapshotId);

    /**
     * Removes tracks: each by every occurrence, or at its positions.
     *
     * @param removals   1..{@value #MAX_TRACKS_PER_CHANGE}
     * @param snapshotId checked only when a removal names positions; may be null
     * @return the new snapshot id
     * @throws LibraryException NOT_FOUND, FORBIDDEN, STALE_SNAPSHOT, INVALID (a position outside the playlist or
     *                          holding another track)
     */
    String remove(String playlistId, String callerId, List<TrackRemoval> removals, String snapshotId);

    /**
     * Replaces every track by these (in order; empty clears the playlist).
     *
     * @param trackIds 0..{@value #MAX_TRACKS_PER_CHANGE}
     * @return the new snapshot id
     * @throws LibraryException NOT_FOUND, FORBIDDEN
     */
    String replace(String playlistId, String callerId, List<String> trackIds);

    /**
     * The playlists a user owns or follows, most recently created or followed first. Another caller sees only
     * the public ones.
     *
     * @param offset 0 or more
     * @param limit  1..{@value #MAX_PLAYLIST_PAGE}
     */
    Page<Playlist> playlistsOf(String userId, String callerId, int offset, int limit);

    /**
     * The caller follows the playlist (again: no change).
     *
     * @throws LibraryException NOT_FOUND
     */
    void follow(String playlistId, String callerId);

    /**
     * The caller no longer follows the playlist (not following: no change). An owner who unfollows keeps the
     * playlist but no longer lists it, as in Spotify.
     *
     * @throws LibraryException NOT_FOUND
     */
    void unfollow(String playlistId, String callerId);

    /** The most users one {@link #followersContain} call may name (Spotify's check names at most 5). Since 1.2. */
    int MAX_FOLLOWER_CHECK = 5;

    /**
     * Whether these users follow the playlist (its owner counts while following it), as Spotify's
     * {@code GET /v1/playlists/{id}/followers/contains}. Since 1.2.
     *
     * @param userIds 1..{@value #MAX_FOLLOWER_CHECK} account ids; unknown ids answer false
     * @return for each id, in order, whether that user follows the playlist
     * @throws LibraryException NOT_FOUND (also for a playlist the caller may not see), INVALID (too few or too many ids)
     */
    List<Boolean> followersContain(String playlistId, String callerId, List<String> userIds);

    /**
     * Lets another user change the tracks while the playlist is collaborative.
     *
     * @throws LibraryException NOT_FOUND, FORBIDDEN (not the owner), INVALID (the owner themself)
     */
    void addEditor(String playlistId, String callerId, String editorId);

    /**
     * @throws LibraryException NOT_FOUND, FORBIDDEN (not the owner)
     */
    void removeEditor(String playlistId, String callerId, String editorId);

    /** @return the editors' account ids, sorted; empty for a caller who may not see the playlist */
    List<String> editors(String playlistId, String callerId);

    /**
     * The recorded changes of a playlist, newest first.
     *
     * @param limit 1..{@value #MAX_PLAYLIST_PAGE}
     * @throws LibraryException NOT_FOUND
     */
    Page<PlaylistChange> changes(String playlistId, String callerId, int offset, int limit);

    /**
     * Every public playlist, in id order, a page at a time: for a bundle that mirrors them (the search index
     * rebuilds from it). Keyset-paged, so a page costs the same however far the reader is, and a playlist created
     * or made public while the reader pages is either in a later page or announced by {@link LibraryEvents#PLAYLIST_CHANGED}.
     * Since 1.1.
     *
     * @param afterId the last id of the previous page (exclusive), or null for the first page; need not exist any more
     * @param limit   1..{@value #MAX_PUBLIC_PAGE}
     * @return up to {@code limit} public playlists with ids after {@code afterId}, in id order (the database's
     *         order of ids, the same from page to page); fewer than {@code limit} only at the end
     * @throws LibraryException INVALID when {@code limit} is out of range
     */
    List<Playlist> publicPlaylistsAfter(String afterId, int limit);

    /**
     * The public ones of these playlists, as they are now: for a mirror that re-reads what an event named.
     * Since 1.1.
     *
     * @param playlistIds 0..{@value #MAX_PUBLIC_PAGE} ids; unknown, malformed and repeated ids are allowed
     * @return the playlists that exist and are public, keyed by id (a private, deleted or unknown id is absent); never null
     * @throws LibraryException INVALID when there are more ids than allowed
     */
    Map<String, Playlist> publicPlaylists(Collection<String> playlistIds);
}
