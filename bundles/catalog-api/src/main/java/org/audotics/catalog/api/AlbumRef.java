package org.audotics.catalog.api;

import java.util.Objects;

/**
 * An album as it appears inside a track.
 *
 * @param id          opaque id, never null
 * @param name        display name, never null
 * @param releaseDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} as known, or null
 */
public record AlbumRef(String id, String name, String releaseDate) {

    public AlbumRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
