package org.audotics.catalog.api;

/**
 * Event Admin topics the catalog posts (asynchronously, on the node that made the change). Other nodes
 * learn of changes through {@link CatalogService#revision()}, which lives in the shared database.
 */
public final class CatalogEvents {

    /** A track's audio features were set by analysis; property {@link #TRACK_ID}. */
    public static final String TRACK_FEATURES_UPDATED = "org/audotics/catalog/TRACK_FEATURES_UPDATED";
    /** Event property: the catalog id of the track. */
    public static final String TRACK_ID = "track_id";

    /**
     * An import batch was written: tracks created or updated; property {@link #TRACK_IDS}.
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

    private CatalogEvents() {
    }
}
