package org.audotics.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A track in Spotify's Web API shape (field names become snake_case in JSON), so a Spotify client reads
 * our answers unchanged. Every bundle that answers with tracks uses it.
 *
 * <p>Differences from Spotify: {@code uri} uses the {@code audotics:} scheme; {@code external_ids} holds
 * the id the track was imported under ({@code "import"}); {@code album.artists} are the album's own artists
 * (the track's when the album's are not known, as for a track cached before catalog-api 1.3);
 * {@code genres} is our addition; {@code album.images} are the album's (since 1.5); there are no preview URLs,
 * markets or external URLs (empty, as Spotify's types want them); {@code album} is left out (not null: Spotify's
 * schema has no null album) for a track without one; an album's unknown release date is {@code "0000"} with
 * precision {@code "year"}, as Spotify answers for its own undated albums; {@code album.total_tracks} counts
 * the album's tracks in this catalog. The JSON types of every field are checked against
 * Spotify's published OpenAPI description by {@code SpotifyShapesIT}.
 */
public record TrackObject(
        @JsonInclude(JsonInclude.Include.NON_NULL) SimplifiedAlbum album,
        List<SimplifiedArtist> artists,
        List<String> availableMarkets,
        int discNumber,
        int durationMs,
        boolean explicit,
        Map<String, String> externalIds,
        Map<String, String> externalUrls,
        List<String> genres,
        String href,
        String id,
        boolean isLocal,
        boolean isPlayable,
        String name,
        int popularity,
        String previewUrl,
        int trackNumber,
        String type,
        String uri) {

    /** An artist inside a track or album. */
    public record SimplifiedArtist(Map<String, String> externalUrls, String href, String id, String name, String type, String uri) {

        /** @since 1.3 */
        public static SimplifiedArtist of(ArtistRef artist, URI apiBase) {
            return new SimplifiedArtist(Map.of(), apiBase.resolve("artists/" + artist.id()).toString(), artist.id(),
                    artist.name(), "artist", "audotics:artist:" + artist.id());
        }
    }

    /** An album inside a track. */
    public record SimplifiedAlbum(String albumType, List<SimplifiedArtist> artists, List<String> availableMarkets,
            Map<String, String> externalUrls, String href, String id, List<Object> images, String name, String releaseDate,
            String releaseDatePrecision, int totalTracks, String type, String uri) {

        /**
         * @param trackArtists shown as the album's artists when the album's own are not known
         * @since 1.3
         */
        public static SimplifiedAlbum of(AlbumRef album, List<ArtistRef> trackArtists, URI apiBase) {
            List<ArtistRef> credited = album.artists().isEmpty() ? trackArtists : album.artists();
            return new SimplifiedAlbum(album.albumType(), credited.stream().map(artist -> SimplifiedArtist.of(artist, apiBase)).toList(),
                    List.of(), Map.of(), apiBase.resolve("albums/" + album.id()).toString(), album.id(), AlbumObject.images(album.images(), apiBase), album.name(),
                    spotifyReleaseDate(album.releaseDate()), precision(album.releaseDate()), album.totalTracks(), "album",
                    "audotics:album:" + album.id());
        }
    }

    /** Spotify's release date of an undated album. */
    static final String UNKNOWN_RELEASE_DATE = "0000";

    /**
     * @param track   the catalog track
     * @param apiBase the API's base URI ending in {@code /v1/}, for the {@code href} links
     */
    public static TrackObject of(Track track, URI apiBase) {
        List<SimplifiedArtist> artists = track.artists().stream().map(artist -> SimplifiedArtist.of(artist, apiBase)).toList();
        SimplifiedAlbum simplifiedAlbum = track.album() == null ? null : SimplifiedAlbum.of(track.album(), track.artists(), apiBase);
        return new TrackObject(simplifiedAlbum, artists, List.of(), track.discNumber(), track.durationMs(),
                track.explicit(), Map.of("import", track.externalId()), Map.of(), track.genres(),
                apiBase.resolve("tracks/" + track.id()).toString(), track.id(), false, true, track.name(),
                track.popularity(), null, track.trackNumber(), "track", "audotics:track:" + track.id());
    }

    static String spotifyReleaseDate(String releaseDate) {
        return releaseDate == null ? UNKNOWN_RELEASE_DATE : releaseDate;
    }

    static String precision(String releaseDate) {
        if (releaseDate == null) {
            return "year";
        }
        return switch (releaseDate.length()) {
            case 4 -> "year";
            case 7 -> "month";
            default -> "day";
        };
    }
}
