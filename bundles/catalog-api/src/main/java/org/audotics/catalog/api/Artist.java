package org.audotics.catalog.api;

import java.util.Objects;

/**
 * A catalog artist.
 *
 * @param id         opaque id, never null
 * @param externalId the id the artist was imported under, never null
 * @param name       display name, never null
 */
public record Artist(String id, String externalId, String name) {

    public Artist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
    }
}
