package org.audotics.catalog.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalog of tracks, artists and albums.
 *
 * <p>Provided by the catalog bundle; called by REST resources, recommenders and the DSP pipeline,
 * concurrently. Reads may be served from the shared cache and are at most one cache TTL stale on other
 * nodes when the cache is unreachable during an update; on the node that wrote, reads are fresh.
 * Database failures surface as {@link org.audotics.storage.api.StorageException}.
 */
@ProviderType
public interface CatalogService {

    /** Tracks one {@link #importTracks} batch may hold, and so the lines of one {@code POST /v1/catalog/import}. */
    int MAX_IMPORT_BATCH = 10_000;

    /** Ids one {@link #tracks} call may look up, and so one {@code GET /v1/audio-features?ids=}, as in Spotify's Web API. */
    int MAX_LOOKUP_IDS = 100;

    /** Ids one {@code GET /v1/tracks?ids=} may name, as in Spotify's Web API. */
    int MAX_TRACK_IDS_PER_REQUEST = 50;

    /**
     * Imports a batch of tracks in one transaction: all of them or none. A track whose external id exists
     * is updated (its artists, album and genres replaced by the batch's; its audio features replaced only
     * when the batch gives some, so re-importing metadata keeps analysed features); artists and albums are created
     * or matched by their external ids. Importing the same batch twice leaves the catalog as after once.
     * Once committed, posts {@link CatalogEvents#TRACKS_IMPORTED} on this node and (since 1.4) the change events
     * of the batch ({@link CatalogEvents#TRACK_CREATED}, {@link CatalogEvents#TRACK_UPDATED}, and the artists' and
     * albums'), which reach every node; a batch that fails posts nothing.
     *
     * @param batch 1..{@value #MAX_IMPORT_BATCH} tracks
     * @throws InvalidImportException when the batch is empty or too large, or two tracks of the batch share
     *                                an external id; nothing is written
     */
    ImportResult importTracks(List<TrackImport> batch);

    /**
     * Sets a track's audio features (as computed by audio analysis), replacing earlier ones, in one
     * transaction; bumps the {@link #revision()}, evicts the cached track, and posts
     * {@link CatalogEvents#TRACK_FEATURES_UPDATED} on this node and (since 1.4) {@link CatalogEvents#TRACK_UPDATED},
     * which reaches every node.
     *
     * @return false when no track has this id; nothing is written then
     * @since 1.1
     */
    boolean updateAudioFeatures(String trackId, AudioFeatures features);

    /** @return the track, or empty when no track has this id */
    Optional<Track> track(String id);

    /**
     * Looks up many tracks at once.
     *
     * @param ids at most {@value #MAX_LOOKUP_IDS} ids
     * @return the tracks found, keyed by id; unknown ids are absent
     */
    Map<String, Track> tracks(Collection<String> ids);

    /** @return the artist (with genres and popularity since 1.3), or empty when no artist has this id */
    Optional<Artist> artist(String id);

    /** Ids one {@code GET /v1/artists?ids=} may name, as in Spotify's Web API. @since 1.3 */
    int MAX_ARTIST_IDS_PER_REQUEST = 50;

    /** Ids one {@code GET /v1/albums?ids=} may name, as in Spotify's Web API. @since 1.3 */
    int MAX_ALBUM_IDS_PER_REQUEST = 20;

    /** The longest page {@link #albumTracks} and {@link #artistAlbums} answer. @since 1.3 */
    int MAX_PAGE_LIMIT = 50;

    /** Tracks {@link #topTracks} answers at most, as in Spotify's Web API. @since 1.3 */
    int MAX_TOP_TRACKS = 10;

    /** Artists {@link #relatedArtists} answers at most, as in Spotify's Web API. @since 1.3 */
    int MAX_RELATED_ARTISTS = 20;

    /**
     * Looks up many artists at once (one batched query per table, never one per artist).
     *
     * @param ids at most {@value #MAX_LOOKUP_IDS} ids
     * @return the artists found, keyed by id, in the order of {@code ids}; unknown ids are absent
     * @since 1.3
     */
    default Map<String, Artist> artists(Collection<String> ids) {
        throw new UnsupportedOperationException("artists(ids) is implemented by the catalog bundle (catalog-api 1.3)");
    }

    /**
     * @return the album with its own artists, or empty when no album has this id
     * @since 1.3
     */
    default Optional<Album> album(String id) {
        return Optional.ofNullable(albums(List.of(id)).get(id));
    }

    /**
     * Looks up many albums at once.
     *
     * @param ids at most {@value #MAX_LOOKUP_IDS} ids
     * @return the albums found, keyed by id, in the order of {@code ids}; unknown ids are absent
     * @since 1.3
     */
    default Map<String, Album> albums(Collection<String> ids) {
        throw new UnsupportedOperationException("albums(ids) is implemented by the catalog bundle (catalog-api 1.3)");
    }

    /**
     * A page of an album's tracks, ordered by disc number, track number, then id.
     *
     * @param offset at least 0; past the end the page is empty
     * @param limit  1..{@value #MAX_PAGE_LIMIT}
     * @return the page, or empty when no album has this id
     * @throws IllegalArgumentException when offset or limit is out of range
     * @since 1.3
     */
    default Optional<Page<Track>> albumTracks(String albumId, int offset, int limit) {
        throw new UnsupportedOperationException("albumTracks is implemented by the catalog bundle (catalog-api 1.3)");
    }

    /**
     * A page of an artist's discography: the albums of which the artist is an album artist (group = the
     * album's type) and those with a track credited to the artist (group {@link ArtistAlbum#APPEARS_ON}),
     * newest release first (undated last), then by name and id.
     *
     * @param groups the {@link ArtistAlbum#GROUPS} wanted, at least one
     * @param offset at least 0; past the end the page is empty
     * @param limit  1..{@value #MAX_PAGE_LIMIT}
     * @return the page, or empty when no artist has this id
     * @throws IllegalArgumentException when a group is unknown, or offset or limit is out of range
     * @since 1.3
     */
    default Optional<Page<ArtistAlbum>> artistAlbums(String artistId, Set<String> groups, int offset, int limit) {
        throw new UnsupportedOperationException("artistAlbums is implemented by the catalog bundle (catalog-api 1.3)");
    }

    /**
     * @return the artist's {@value #MAX_TOP_TRACKS} most popular tracks (credited in any position), most
     *         popular first, ties by id; empty when no artist has this id
     * @since 1.3
     */
    default Optional<List<Track>> topTracks(String artistId) {
        throw new UnsupportedOperationException("topTracks is implemented by the catalog bundle (catalog-api 1.3)");
    }

    /**
     * Artists like this one, at most {@value #MAX_RELATED_ARTISTS}, most alike first. For now "alike" means
     * shared genres and sound: the candidates are artists whose tracks share a genre with this artist's,
     * ranked by the distance between the mean audio features of their tracks (those without features last,
     * by the number of shared genres). Listening history is not used here: {@code GET /v1/artists/{id}/related-artists}
     * puts the history's co-listened artists first and tops up from this ranking (docs/api.md).
     *
     * @return the related artists (possibly none), or empty when no artist has this id
     * @since 1.3
     */
    default Optional<List<Artist>> relatedArtists(String artistId) {
        throw new UnsupportedOperationException("relatedArtists is implemented by the catalog bundle (catalog-api 1.3)");
    }

    /**
     * Pages through every track that has audio features, ordered by id (keyset paging: pass the last id
     * of the previous page). This is how a recommender builds its index.
     *
     * @param afterId the last id already seen, or null to start
     * @param limit   1..10 000
     * @return the next tracks; fewer than {@code limit} (possibly none) at the end
     */
    List<Track> tracksWithFeatures(String afterId, int limit);

    /**
     * Pages through every track, with or without audio features, ordered by id (keyset paging: pass the last
     * id of the previous page). This is how a search index is built.
     *
     * @param afterId the last id already seen, or null to start
     * @param limit   1..10 000
     * @return the next tracks; fewer than {@code limit} (possibly none) at the end
     * @throws IllegalArgumentException when the limit is out of range
     * @since 1.4
     */
    default List<Track> tracksAfter(String afterId, int limit) {
        throw new UnsupportedOperationException("tracksAfter is implemented by the catalog bundle (catalog-api 1.4)");
    }

    /**
     * Visits every track that has audio features, in id order, page by page through
     * {@link #tracksWithFeatures} (so a large catalog is never one query). The usual way for a recommender
     * to build its index.
     */
    default void forEachTrackWithFeatures(Consumer<Track> action) {
        int page = 5_000;
        String after = null;
        List<Track> tracks;
        do {
            tracks = tracksWithFeatures(after, page);
            tracks.forEach(action);
            after = tracks.isEmpty() ? after : tracks.get(tracks.size() - 1).id();
        } while (tracks.size() == page);
    }

    /** @return every genre used by some track, lower-case, sorted */
    List<String> genres();

    /**
     * A number that changes whenever a track is added or changed, on any node (it lives in the database).
     * A recommender compares it with the value it built its index at to know when to rebuild.
     *
     * <p>Since 1.4: every write adds exactly one, and its change events carry the value after it
     * ({@link CatalogEvents#REVISION}), so a consumer can tell a missed event from the numbers.
     */
    long revision();
}
