package org.audotics.catalog.api;

/**
 * Event Admin topics the catalog posts (asynchronously: the catalog never waits for its listeners).
 *
 * <h2>Change events (since 1.4)</h2>
 * One topic per kind and change: {@code TRACK_CREATED}, {@code TRACK_UPDATED}, {@code TRACK_DELETED}, and the
 * same for artists and albums, so a consumer selects what it needs by topic ({@code org/audotics/catalog/TRACK_*})
 * and Event Admin does the filtering. Every change event has these properties:
 * <ul>
 *   <li>{@link #IDS} ({@code String[]}, never empty): the catalog ids the write changed, batched per write, so a
 *       10 000-track import is one {@code TRACK_CREATED} and one {@code TRACK_UPDATED}, not 10 000 events;</li>
 *   <li>{@link #REVISION} ({@code Long}): the catalog {@link CatalogService#revision() revision} right after the
 *       write; every event of one write carries the same revision;</li>
 *   <li>{@link #ORIGIN} ({@code String}): only on an event re-posted from another node, that node's id (random,
 *       new at each start of its catalog bundle); absent on this node's own events.</li>
 * </ul>
 * An import batch posts {@code TRACK_CREATED} / {@code TRACK_UPDATED} for its new / existing tracks,
 * {@code ARTIST_CREATED} / {@code ARTIST_UPDATED} for the artists it created / the existing artists it names or
 * removed a credit from (their genres, popularity and track lists may have changed), and the same for albums.
 * Setting a track's audio features posts {@code TRACK_UPDATED}. A topic with no ids in a write is not posted.
 * The catalog has no deletion yet: the {@code *_DELETED} topics are defined so that consumers handle them
 * already (remove the ids); nothing posts them in 1.4.
 *
 * <h2>What a consumer may rely on</h2>
 * <ul>
 *   <li><b>After commit only.</b> An event is posted after its write committed, never for a write that failed, so
 *       reading the ids back from {@link CatalogService} sees the change (or a later one).</li>
 *   <li><b>At least once on the node that wrote</b>, as far as Event Admin delivers (a handler may also get an
 *       event twice, or an old one late after a rebuild: applying a change must be idempotent).</li>
 *   <li><b>Best effort across nodes.</b> Other nodes get the events through the cache bundle's pub/sub, which is
 *       fire-and-forget: a node that is down, disconnected or slow misses them.</li>
 *   <li><b>Ordered by revision, with detectable gaps.</b> Every write bumps the revision by exactly one, in the
 *       shared database, and posts at least one {@code TRACK_*} event. So a consumer of
 *       {@code org/audotics/catalog/TRACK_*} that last saw revision {@code r} and gets {@code r + k} with
 *       {@code k > 1} has missed {@code k - 1} writes, unless they are still in flight (events of different
 *       nodes, or of concurrent writes on one node, may arrive slightly out of order). Comparing
 *       {@link CatalogService#revision()} with the last revision seen, now and then, finds the writes whose
 *       events never came.</li>
 *   <li><b>Rebuild on a gap.</b> A consumer that starts, or finds a gap that stays open, rebuilds its state from
 *       {@link CatalogService} (reading the revision first, so a write during the read is seen again).</li>
 * </ul>
 *
 * <h2>Older topics</h2>
 * {@link #TRACK_FEATURES_UPDATED} and {@link #TRACKS_IMPORTED} are still posted, exactly as before and on the
 * writing node only, beside the change events.
 */
public final class CatalogEvents {

    /** A track's audio features were set by analysis; property {@link #TRACK_ID}. This node only. */
    public static final String TRACK_FEATURES_UPDATED = "org/audotics/catalog/TRACK_FEATURES_UPDATED";
    /** Event property: the catalog id of the track. */
    public static final String TRACK_ID = "track_id";

    /**
     * An import batch was written: tracks created or updated; property {@link #TRACK_IDS}. This node only.
     *
     * @since 1.2
     */
    public static final String TRACKS_IMPORTED = "org/audotics/catalog/TRACKS_IMPORTED";
    /**
     * Event property ({@code String[]}): the catalog ids of the tracks a change touched, in batch order.
     *
     * @since 1.2
     */
    public static final String TRACK_IDS = "track_ids";

    /**
     * Tracks were created; see the class description.
     *
     * @since 1.4
     */
    public static final String TRACK_CREATED = "org/audotics/catalog/TRACK_CREATED";
    /**
     * Tracks were changed (re-imported, or given audio features).
     *
     * @since 1.4
     */
    public static final String TRACK_UPDATED = "org/audotics/catalog/TRACK_UPDATED";
    /**
     * Tracks were deleted. Defined for consumers; not posted yet (the catalog has no deletion).
     *
     * @since 1.4
     */
    public static final String TRACK_DELETED = "org/audotics/catalog/TRACK_DELETED";
    /**
     * Artists were created.
     *
     * @since 1.4
     */
    public static final String ARTIST_CREATED = "org/audotics/catalog/ARTIST_CREATED";
    /**
     * Artists were changed: renamed, or their tracks (and so genres, popularity) changed.
     *
     * @since 1.4
     */
    public static final String ARTIST_UPDATED = "org/audotics/catalog/ARTIST_UPDATED";
    /**
     * Artists were deleted. Defined for consumers; not posted yet.
     *
     * @since 1.4
     */
    public static final String ARTIST_DELETED = "org/audotics/catalog/ARTIST_DELETED";
    /**
     * Albums were created.
     *
     * @since 1.4
     */
    public static final String ALBUM_CREATED = "org/audotics/catalog/ALBUM_CREATED";
    /**
     * Albums were changed: their fields, artists or tracks.
     *
     * @since 1.4
     */
    public static final String ALBUM_UPDATED = "org/audotics/catalog/ALBUM_UPDATED";
    /**
     * Albums were deleted. Defined for consumers; not posted yet.
     *
     * @since 1.4
     */
    public static final String ALBUM_DELETED = "org/audotics/catalog/ALBUM_DELETED";

    /**
     * Event property ({@code String[]}, not empty) of the change events: the ids changed.
     *
     * @since 1.4
     */
    public static final String IDS = "ids";
    /**
     * Event property ({@code Long}, at least 1) of the change events: the catalog revision after the write.
     *
     * @since 1.4
     */
    public static final String REVISION = "revision";
    /**
     * Event property ({@code String}) of a change event re-posted from another node: that node's id. Absent on
     * this node's own events.
     *
     * @since 1.4
     */
    public static final String ORIGIN = "origin";

    private CatalogEvents() {
    }
}
