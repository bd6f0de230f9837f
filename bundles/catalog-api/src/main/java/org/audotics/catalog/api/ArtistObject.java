package org.audotics.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An artist in Spotify's Web API shape. Differences from Spotify: {@code uri} uses the {@code audotics:}
 * scheme; {@code external_urls} is empty; {@code images} are those imported (since 1.5; empty before);
 * {@code followers.total} is 0 until follows are modelled; {@code genres} and {@code popularity} come from
 * the artist's tracks ({@link Artist}).
 *
 * @since 1.3
 */
public record ArtistObject(Map<String, String> externalUrls, Followers followers, List<String> genres, String href,
        String id, List<Object> images, String name, int popularity, String type, String uri) {

    /** Spotify's followers object; {@code href} is always null, as in Spotify's answers. */
    public record Followers(String href, int total) {
    }

    /** @param apiBase the API's base URI ending in {@code /v1/}, for the {@code href} links */
    public static ArtistObject of(Artist artist, URI apiBase) {
        return new ArtistObject(Map.of(), new Followers(null, 0), artist.genres(),
                apiBase.resolve("artists/" + artist.id()).toString(), artist.id(), AlbumObject.images(artist.images(), apiBase), artist.name(),
                artist.popularity(), "artist", "audotics:artist:" + artist.id());
    }
}
