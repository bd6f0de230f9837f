package org.audotics.catalog.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A catalog album.
 *
 * @param id          opaque id, never null
 * @param externalId  the id the album was imported under, never null
 * @param name        display name, never null
 * @param albumType   one of {@link #TYPES}
 * @param artists     the album's own artists in credit order (given by the import, or else the artists of
 *                    the first imported track that named the album); empty only for an album without tracks
 * @param releaseDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} as known, or null
 * @param totalTracks the tracks the catalog holds of this album, at least 0
 * @param genres      the genres of its tracks, lower-case, most used first, at most {@value Artist#MAX_GENRES}
 * @param label       the record label, or null when not known
 * @param popularity  0..100: the highest popularity of its tracks (0 without tracks)
 * @param images      its images, largest first: as imported, or the renditions of its stored cover
 *                    ({@link StoredImage#renditions()}, URLs relative to the API base); empty when it has none
 *                    (since 1.5)
 * @since 1.3
 */
public record Album(String id, String externalId, String name, String albumType, List<ArtistRef> artists,
        String releaseDate, int totalTracks, List<String> genres, String label, int popularity, List<Image> images) {

    /** Spotify's {@code album_type} values. */
    public static final String TYPE_ALBUM = "album";
    public static final String TYPE_SINGLE = "single";
    public static final String TYPE_COMPILATION = "compilation";
    public static final Set<String> TYPES = Set.of(TYPE_ALBUM, TYPE_SINGLE, TYPE_COMPILATION);

    public Album {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        checkType(albumType);
        artists = List.copyOf(artists);
        genres = List.copyOf(genres);
        FieldChecks.between("total_tracks", totalTracks, 0, Integer.MAX_VALUE);
        FieldChecks.between("popularity", popularity, 0, 100);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An album without images (the canonical constructor before 1.5). */
    public Album(String id, String externalId, String name, String albumType, List<ArtistRef> artists,
            String releaseDate, int totalTracks, List<String> genres, String label, int popularity) {
        this(id, externalId, name, albumType, artists, releaseDate, totalTracks, genres, label, popularity, List.of());
    }

    /** This album as it appears inside one of its tracks. */
    public AlbumRef ref() {
        return new AlbumRef(id, name, releaseDate, totalTracks, albumType, artists, images);
    }

    static String checkType(String albumType) {
        if (!TYPES.contains(albumType)) {
            throw new InvalidFieldException("album_type", "must be one of album, single, compilation");
        }
        return albumType;
    }
}
