package org.audotics.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * A catalog artist.
 *
 * @param id         opaque id, never null
 * @param externalId the id the artist was imported under, never null
 * @param name       display name, never null
 * @param genres     the genres of the tracks credited to the artist, lower-case, most used first, at most
 *                   {@value #MAX_GENRES}; empty when not known (since 1.3)
 * @param popularity 0..100: the highest popularity of the artist's tracks (since 1.3)
 * @param images     its images as imported, largest first by Spotify's convention; empty when it has none (since 1.5)
 */
public record Artist(String id, String externalId, String name, List<String> genres, int popularity, List<Image> images) {

    /** Genres an artist lists at most. */
    public static final int MAX_GENRES = 10;

    public Artist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        genres = genres == null ? List.of() : List.copyOf(genres);
        FieldChecks.between("popularity", popularity, 0, 100);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An artist without images (the canonical constructor from 1.3 to 1.4). */
    public Artist(String id, String externalId, String name, List<String> genres, int popularity) {
        this(id, externalId, name, genres, popularity, List.of());
    }

    /** An artist whose genres and popularity are not known. */
    public Artist(String id, String externalId, String name) {
        this(id, externalId, name, List.of(), 0, List.of());
    }

    /** This artist as it appears inside a track or album. */
    public ArtistRef ref() {
        return new ArtistRef(id, name);
    }
}
