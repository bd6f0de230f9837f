package org.audotics.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An album of an artist's discography in Spotify's shape: a simplified album with {@code album_group}.
 * Differences from Spotify as in {@link AlbumObject}.
 *
 * @since 1.3
 */
public record ArtistAlbumObject(String albumGroup, String albumType, List<TrackObject.SimplifiedArtist> artists,
        List<String> availableMarkets, Map<String, String> externalUrls, String href, String id, List<Object> images,
        String name, String releaseDate, String releaseDatePrecision, int totalTracks, String type, String uri) {

    /** @param apiBase the API's base URI ending in {@code /v1/}, for the {@code href} links */
    public static ArtistAlbumObject of(ArtistAlbum entry, URI apiBase) {
        Album album = entry.album();
        return new ArtistAlbumObject(entry.group(), album.albumType(),
                album.artists().stream().map(artist -> TrackObject.SimplifiedArtist.of(artist, apiBase)).toList(),
                List.of(), Map.of(), apiBase.resolve("albums/" + album.id()).toString(), album.id(), AlbumObject.images(album.images(), apiBase), album.name(),
                TrackObject.spotifyReleaseDate(album.releaseDate()), TrackObject.precision(album.releaseDate()), album.totalTracks(),
                "album", "audotics:album:" + album.id());
    }
}
