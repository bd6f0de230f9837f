package org.audotics.catalog.api;

import java.util.Objects;

/**
 * An album as it appears inside a track.
 *
 * @param id          opaque id, never null
 * @param name        display name, never null
 * @param releaseDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} as known, or null
 * @param totalTracks the tracks the catalog holds of this album, 0 when not known; as read with the track,
 *                    so at most one track-cache TTL stale
 */
public record AlbumRef(String id, String name, String releaseDate, int totalTracks) {

    public AlbumRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (totalTracks < 0) {
            throw new IllegalArgumentException("totalTracks must not be negative");
        }
    }

    /** An album whose size is not known ({@link #totalTracks()} 0). */
    public AlbumRef(String id, String name, String releaseDate) {
        this(id, name, releaseDate, 0);
    }
}
