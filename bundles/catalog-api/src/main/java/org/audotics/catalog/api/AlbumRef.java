package org.audotics.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * An album as it appears inside a track.
 *
 * @param id          opaque id, never null
 * @param name        display name, never null
 * @param releaseDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} as known, or null
 * @param totalTracks the tracks the catalog holds of this album, 0 when not known; as read with the track,
 *                    so at most one track-cache TTL stale
 * @param albumType   one of {@link Album#TYPES}; null is taken as {@link Album#TYPE_ALBUM} (since 1.3)
 * @param artists     the album's own artists in credit order; empty when not known, in which case a reader
 *                    shows the track's artists (tracks cached by a catalog older than 1.3 have none) (since 1.3)
 * @param images      the album's images as in {@link Album#images()}; empty when it has none, or for a track cached
 *                    by a catalog older than 1.5 (since 1.5)
 */
public record AlbumRef(String id, String name, String releaseDate, int totalTracks, String albumType, List<ArtistRef> artists,
        List<Image> images) {

    public AlbumRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (totalTracks < 0) {
            throw new IllegalArgumentException("totalTracks must not be negative");
        }
        albumType = albumType == null ? Album.TYPE_ALBUM : Album.checkType(albumType);
        artists = artists == null ? List.of() : List.copyOf(artists);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An album without images (the canonical constructor from 1.3 to 1.4). */
    public AlbumRef(String id, String name, String releaseDate, int totalTracks, String albumType, List<ArtistRef> artists) {
        this(id, name, releaseDate, totalTracks, albumType, artists, List.of());
    }

    /** An album of type {@code album} whose own artists are not known. */
    public AlbumRef(String id, String name, String releaseDate, int totalTracks) {
        this(id, name, releaseDate, totalTracks, Album.TYPE_ALBUM, List.of(), List.of());
    }

    /** An album whose size is not known ({@link #totalTracks()} 0). */
    public AlbumRef(String id, String name, String releaseDate) {
        this(id, name, releaseDate, 0);
    }
}
