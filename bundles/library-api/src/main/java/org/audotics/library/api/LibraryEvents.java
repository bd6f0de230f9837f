package org.audotics.library.api;

/**
 * Event Admin topics the library bundle posts (asynchronously, after commit) on the node that made the change and,
 * since 1.2, on every other node of the cluster: the library bundle carries each event over the cache's pub/sub (Redis
 * when configured) and re-posts it there with {@link #ORIGIN} set to the node it came from. Across nodes the delivery is
 * best effort (at most once: a node down or disconnected misses it), so a consumer that mirrors library state must also
 * be able to re-read it (as the search index does at its rebuilds). An event with an {@link #ORIGIN} is never carried
 * again, so nothing loops.
 */
public final class LibraryEvents {

    /** A playlist was created, changed, or deleted; properties {@link #PLAYLIST_ID}, {@link #USER_ID}, {@link #ACTION}, {@link #SNAPSHOT_ID}. */
    public static final String PLAYLIST_CHANGED = "org/audotics/library/PLAYLIST_CHANGED";
    /** A user saved or removed tracks or albums; properties {@link #USER_ID}, {@link #ACTION}, {@link #KIND}, {@link #IDS}. */
    public static final String SAVED_CHANGED = "org/audotics/library/SAVED_CHANGED";
    /** A user followed or unfollowed artists, users or a playlist; properties {@link #USER_ID}, {@link #ACTION}, {@link #KIND}, {@link #IDS}. */
    public static final String FOLLOWS_CHANGED = "org/audotics/library/FOLLOWS_CHANGED";

    /** Property ({@code String}): the playlist's id. */
    public static final String PLAYLIST_ID = "playlist_id";
    /** Property ({@code String}): the account that made the change. */
    public static final String USER_ID = "user_id";
    /** Property ({@code String}): one of the {@code ACTION_*} values. */
    public static final String ACTION = "action";
    /** Property ({@code String}): the playlist's snapshot after the change (absent after a deletion). */
    public static final String SNAPSHOT_ID = "snapshot_id";
    /** Property ({@code String}): {@code "track"}, {@code "album"}, {@code "artist"}, {@code "user"} or {@code "playlist"}. */
    public static final String KIND = "kind";
    /** Property ({@code String[]}): the ids saved, removed, followed or unfollowed. */
    public static final String IDS = "ids";
    /**
     * Property ({@code String}), only on an event re-posted from another node: that node's id (opaque). Absent on the
     * node that made the change. Since 1.2.
     */
    public static final String ORIGIN = "origin";

    public static final String ACTION_CREATE = "create";
    public static final String ACTION_DETAILS = "details";
    public static final String ACTION_DELETE = "delete";
    public static final String ACTION_ADD = "add";
    public static final String ACTION_REORDER = "reorder";
    public static final String ACTION_REMOVE = "remove";
    public static final String ACTION_REPLACE = "replace";
    public static final String ACTION_EDITORS = "editors";
    public static final String ACTION_SAVE = "save";
    public static final String ACTION_UNSAVE = "unsave";
    public static final String ACTION_FOLLOW = "follow";
    public static final String ACTION_UNFOLLOW = "unfollow";

    private LibraryEvents() {
    }
}
