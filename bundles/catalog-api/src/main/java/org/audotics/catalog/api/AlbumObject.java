package org.audotics.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An album in Spotify's Web API shape, with the first page of its tracks. Differences from Spotify:
 * {@code uri} uses the {@code audotics:} scheme; {@code external_ids} holds the id the album was imported
 * under ({@code "import"}); {@code copyrights}, {@code available_markets} and
 * {@code external_urls} are empty; {@code images} are the album's ({@link Album#images()}), stored ones at this
 * server's absolute URLs (since 1.5); {@code label} is {@code ""} when not known; {@code genres} and
 * {@code popularity} come from its tracks ({@link Album}); an unknown release date is {@code "0000"},
 * precision {@code "year"}, as in {@link TrackObject}.
 *
 * @since 1.3
 */
public record AlbumObject(String albumType, List<TrackObject.SimplifiedArtist> artists, List<String> availableMarkets,
        List<Object> copyrights, Map<String, String> externalIds, Map<String, String> externalUrls, List<String> genres,
        String href, String id, List<Object> images, String label, String name, int popularity, String releaseDate,
        String releaseDatePrecision, int totalTracks, PagingObject<SimplifiedTrackObject> tracks, String type, String uri) {

    /**
     * @param tracks  the first page of the album's tracks, as {@link CatalogService#albumTracks} answers it
     * @param limit   the limit that page was read with
     * @param apiBase the API's base URI ending in {@code /v1/}, for the {@code href} links
     */
    public static AlbumObject of(Album album, Page<Track> tracks, int limit, URI apiBase) {
        URI tracksUri = apiBase.resolve("albums/" + album.id() + "/tracks");
        return new AlbumObject(album.albumType(),
                album.artists().stream().map(artist -> TrackObject.SimplifiedArtist.of(artist, apiBase)).toList(),
                List.of(), List.of(), Map.of("import", album.externalId()), Map.of(), album.genres(),
                apiBase.resolve("albums/" + album.id()).toString(), album.id(), images(album.images(), apiBase),
                album.label() == null ? "" : album.label(), album.name(), album.popularity(),
                TrackObject.spotifyReleaseDate(album.releaseDate()), TrackObject.precision(album.releaseDate()), album.totalTracks(),
                PagingObject.of(tracks, track -> SimplifiedTrackObject.of(track, apiBase), limit, tracksUri),
                "album", "audotics:album:" + album.id());
    }

    /** Images with absolute URLs, as the {@code images} of Spotify's objects ({@link Image#resolve}). */
    static List<Object> images(List<Image> images, URI apiBase) {
        return images.stream().<Object>map(image -> image.resolve(apiBase)).toList();
    }
}
