package org.audotics.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * A catalog track.
 *
 * @param id            opaque id assigned by the catalog, never null
 * @param externalId    the id the track was imported under (unique), never null
 * @param name          title, never null
 * @param artists       credited artists in credit order, at least one
 * @param album         the album, or null when unknown
 * @param genres        lower-case genre names, possibly empty
 * @param popularity    0..100
 * @param durationMs    length in milliseconds, at least 1
 * @param explicit      whether the lyrics are explicit
 * @param trackNumber   position on its disc, 1-based, or 0 when unknown
 * @param discNumber    disc of its album, 1-based, or 0 when unknown
 * @param audioFeatures the computed or imported features, or null when none are known yet
 */
public record Track(
        String id,
        String externalId,
        String name,
        List<ArtistRef> artists,
        AlbumRef album,
        List<String> genres,
        int popularity,
        int durationMs,
        boolean explicit,
        int trackNumber,
        int discNumber,
        AudioFeatures audioFeatures) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        artists = List.copyOf(artists);
        genres = List.copyOf(genres);
    }
}
