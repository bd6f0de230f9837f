package org.audotics.catalog.api;

import java.util.Objects;
import java.util.Set;

/**
 * An album in an artist's discography, with how the artist relates to it (Spotify's {@code album_group}).
 *
 * @param album the album, never null
 * @param group {@link Album#albumType()} when the artist is one of the album's own artists, or
 *              {@link #APPEARS_ON} when the artist is credited only on some of its tracks
 * @since 1.3
 */
public record ArtistAlbum(Album album, String group) {

    /** The group of an album the artist only appears on. */
    public static final String APPEARS_ON = "appears_on";
    /** Every group, as {@code include_groups} names them. */
    public static final Set<String> GROUPS = Set.of(Album.TYPE_ALBUM, Album.TYPE_SINGLE, Album.TYPE_COMPILATION, APPEARS_ON);

    public ArtistAlbum {
        Objects.requireNonNull(album, "album");
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("unknown album group " + group);
        }
    }
}
