package org.audotics.history.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A listener's history: events stored durably, and what is derived from them.
 *
 * <p>Provided by the history bundle; called by its REST resources and by recommenders, concurrently
 * (thread-safe). User ids are the auth bundle's account ids; track and artist ids the catalog's. Database
 * failures surface as {@code org.audotics.storage.api.StorageException} (503 when unavailable).
 *
 * <p><b>Scores.</b> Every stored event has a weight ({@link EventType#weight}: a play its completion in [0, 1],
 * a skip {@value EventType#SKIP_WEIGHT}, a like {@value EventType#LIKE_WEIGHT}, an unlike
 * {@value EventType#UNLIKE_WEIGHT}, a ban {@value EventType#BAN_WEIGHT}). A track's score in a {@link TimeRange}
 * is the sum of the weights of the listener's events on it whose {@code startedAt} falls in the window (whole UTC
 * days); an artist's score is the sum over the tracks credited to it (each credited artist gets the full weight).
 * Items scoring 0 or less are never answered; ties are broken by more plays, then by id.
 */
@ProviderType
public interface HistoryService {

    /** Events one {@link #record} batch may hold. */
    int MAX_BATCH = 1_000;
    /** How far in the future (by this server's clock) an event's {@code startedAt} may be, for clock skew. */
    long MAX_FUTURE_SKEW_MS = 60_000;
    /** The rule for a batch id in words. */
    String BATCH_ID_RULE = "1 to 128 letters, digits, '-', '_', '.' or ':'";

    /**
     * Stores a batch of events, all of them or none, in one transaction; returns only after it committed (a
     * crash after the return loses nothing). A batch whose id this user already stored is not stored again:
     * the answer is then {@code duplicate} with the count stored the first time (whatever the events are now).
     * Two concurrent sends of one batch store it once.
     *
     * @param userId  the listener
     * @param batchId the client's id for the batch, {@value #BATCH_ID_RULE}
     * @param events  1..{@value #MAX_BATCH} events
     * @throws InvalidEventsException when an event names a track the catalog does not have, or starts more than
     *                                {@value #MAX_FUTURE_SKEW_MS} ms in the future; nothing is stored
     * @throws IllegalArgumentException when the batch id is malformed or the batch is empty or too large
     */
    RecordResult record(String userId, String batchId, List<ListeningEvent> events);

    /**
     * The listener's plays ({@link EventType#PLAY} only), newest first, in Spotify's cursor paging: at most one
     * of the bounds.
     *
     * @param beforeMs when not null, only plays that started strictly before this time (ms since the epoch)
     * @param afterMs  when not null, only plays that started strictly after this time; the page is then the
     *                 {@code limit} oldest such plays, still answered newest first
     * @param limit    1..50
     * @throws IllegalArgumentException when both bounds are given or the limit is out of range
     */
    List<PlayedTrack> recentlyPlayed(String userId, Long beforeMs, Long afterMs, int limit);

    /**
     * The listener's best tracks in the window, by score (see the class comment).
     *
     * @param offset at least 0
     * @param limit  1..50
     */
    TopItems topTracks(String userId, TimeRange range, int offset, int limit);

    /** Like {@link #topTracks}, for the artists credited on the tracks. */
    TopItems topArtists(String userId, TimeRange range, int offset, int limit);

    /**
     * @param trackIds at most 100 ids
     * @return how many times the listener played each track (all time); every id asked for is a key, 0 when
     *         never played
     */
    Map<String, Long> playCounts(String userId, Collection<String> trackIds);

    /**
     * A listener's taste for a recommender: {@link TimeRange#SHORT_TERM} is the recent profile,
     * {@link TimeRange#LONG_TERM} the long-term one. Read from the same daily rollups as the top items (no scan
     * of the events).
     *
     * @param limit 1..1 000 tracks and as many artists
     */
    TasteProfile profile(String userId, TimeRange range, int limit);

    /**
     * Every stored event of every listener as an interaction, in the order stored, a page at a time (keyset
     * paging on {@link Interaction#sequence()}: each call is one indexed range query, so a training run reads any
     * number of events without holding them all). Events stored while paging appear on later pages; events
     * deleted with an account disappear.
     *
     * @param afterSequence the last sequence already read, or 0 to start
     * @param limit         1..10 000
     * @return the next interactions; fewer than {@code limit} (possibly none) at the end
     */
    List<Interaction> interactions(long afterSequence, int limit);

    /**
     * One listener's stored events, oldest first (by {@code startedAt}, then sequence), a page at a time (keyset
     * paging: pass the last event of the previous page), for the privacy export.
     *
     * @param after the last event already read, or null to start
     * @param limit 1..10 000
     */
    List<StoredEvent> events(String userId, StoredEvent after, int limit);

    /** Listeners two artists must share before one is answered as co-listened with the other. @since 1.1 */
    int MIN_SHARED_LISTENERS = 2;
    /** Listeners of the asked artist that {@link #coListenedArtists} samples at most. @since 1.1 */
    int MAX_SAMPLED_LISTENERS = 1_000;
    /** Listeners counted per artist at most when {@link #coListenedArtists} normalises. @since 1.1 */
    int MAX_COUNTED_LISTENERS = 10_000;
    /** The most {@link #coListenedArtists} answers. @since 1.1 */
    int MAX_CO_LISTENED = 50;

    /**
     * Artists whose listeners overlap this artist's, most similar first (ties: more shared listeners, then id);
     * never the artist itself. A listener of an artist is a user whose all-time score on it (see the class
     * comment) is above 0, so skips and bans alone do not make a listener.
     *
     * <p><b>Similarity.</b> The cosine of the two listener sets, {@code |A ∩ B| / sqrt(|A| · |B|)}. To stay
     * bounded on a large history it is estimated: {@code S} is a sample of at most
     * {@value #MAX_SAMPLED_LISTENERS} listeners of A (the first by user id: account ids are random, so this is
     * a uniform sample; all of them when A has fewer), {@code shared} the members of {@code S} who listen to B,
     * {@code nA} and {@code nB} the listener counts, each counted up to {@value #MAX_COUNTED_LISTENERS}; the
     * similarity is {@code min(1, shared / |S| · sqrt(nA / nB))}, exact when A has at most
     * {@value #MAX_SAMPLED_LISTENERS} listeners and B at most {@value #MAX_COUNTED_LISTENERS}. Only artists with
     * at least {@value #MIN_SHARED_LISTENERS} shared listeners are answered, so one listener's taste never
     * defines it; only the {@value #MAX_CO_LISTENED} with the most shared listeners are normalised and ranked.
     *
     * @param artistId any catalog artist id (one nobody listens to answers an empty list)
     * @param limit    1..{@value #MAX_CO_LISTENED}
     * @return the co-listened artists, possibly none, never null; ids the catalog may no longer have included
     * @throws IllegalArgumentException when the limit is out of range
     * @since 1.1
     */
    List<CoListenedArtist> coListenedArtists(String artistId, int limit);

    /** The most tracks {@link #bannedTracks} answers. @since 1.2 */
    int MAX_BANNED_TRACKS = 10_000;

    /**
     * The tracks the listener banned ({@link EventType#BAN}; a ban is never undone by a later event), for a
     * recommender to leave out. One index-backed query on the listener's ban events, never a scan of their other
     * events.
     *
     * @return distinct track ids in id order, at most {@value #MAX_BANNED_TRACKS} (the first by id beyond that), possibly
     *         none, never null; ids the catalog may no longer have included
     * @since 1.2
     */
    Set<String> bannedTracks(String userId);

    /**
     * Deletes everything stored of a listener: events, rollups, batch ids (also done when the account is
     * deleted).
     *
     * @return the number of events deleted
     */
    long deleteUser(String userId);
}
