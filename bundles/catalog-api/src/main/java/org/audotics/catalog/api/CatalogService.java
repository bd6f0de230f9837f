package org.audotics.catalog.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     *
     * @param batch 1..{@value #MAX_IMPORT_BATCH} tracks
     * @throws InvalidImportException when the batch is empty or too large, or two tracks of the batch share
     *                                an external id; nothing is written
     */
    ImportResult importTracks(List<TrackImport> batch);

    /**
     * Sets a track's audio features (as computed by audio analysis), replacing earlier ones, in one
     * transaction; bumps the {@link #revision()} so recommenders on every node rebuild, evicts the cached
     * track, and posts {@link CatalogEvents#TRACK_FEATURES_UPDATED} on this node.
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

    /** @return the artist, or empty when no artist has this id */
    Optional<Artist> artist(String id);

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
     */
    long revision();
}
