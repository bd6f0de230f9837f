package org.audotics.catalog.api;

import java.util.Objects;

/** An artist as it appears inside a track: opaque id and display name, both never null. */
public record ArtistRef(String id, String name) {

    public ArtistRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
