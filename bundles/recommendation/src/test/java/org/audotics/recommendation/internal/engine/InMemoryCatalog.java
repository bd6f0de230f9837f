package org.audotics.recommendation.internal.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;

/**
 * A catalog in memory, with a revision like the real one, counters of what the indexer read, and two ways to
 * stand in the indexer's way: a gate that holds every page read (after the page was taken, so the page is
 * what the catalog held when the read began), and a switch that makes every call fail as the database does
 * when it is down.
 */
final class InMemoryCatalog implements CatalogService {

    private final TreeMap<String, Track> tracks = new TreeMap<>();
    private long revision = 1;
    private volatile boolean down;
    private volatile CountDownLatch readsEntered;
    private volatile CountDownLatch readsReleased;
    final AtomicInteger pageReads = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();

    static Track track(String id, double energy) {
        var features = new AudioFeatures(0.5, 0.5, energy, 0.5, 1, 0.5, -10, 1, 0.1, 120, 4, 0.5);
        return new Track(id, "x-" + id, "Track " + id, List.of(new ArtistRef("artist", "A")), null, List.of("rock"), 50,
                180_000, false, 1, 1, features);
    }

    static Track withoutFeatures(String id) {
        return new Track(id, "x-" + id, "Track " + id, List.of(new ArtistRef("artist", "A")), null, List.of("rock"), 50,
                180_000, false, 1, 1, null);
    }

    /** Adds or replaces a track as an import or an analysis would, on this node or another: bumps the revision. */
    synchronized void put(Track track) {
        tracks.put(track.id(), track);
        revision++;
    }

    /** Removes a track, as a deletion would: bumps the revision. */
    synchronized void remove(String id) {
        tracks.remove(id);
        revision++;
    }

    void down(boolean isDown) {
        down = isDown;
    }

    /** From now on every page read signals {@code entered} and waits for the returned latch to be counted down. */
    CountDownLatch holdReads(CountDownLatch entered) {
        readsEntered = entered;
        readsReleased = new CountDownLatch(1);
        return readsReleased;
    }

    void stopHolding() {
        readsEntered = null;
        CountDownLatch released = readsReleased;
        readsReleased = null;
        if (released != null) {
            released.countDown();
        }
    }

    private void failIfDown() {
        if (down) {
            throw new IllegalStateException("connection refused"); // as the database answers when it is down
        }
    }

    @Override
    public List<Track> tracksWithFeatures(String afterId, int limit) {
        failIfDown();
        pageReads.incrementAndGet();
        List<Track> page;
        synchronized (this) {
            page = (afterId == null ? tracks : tracks.tailMap(afterId, false)).values().stream()
                    .filter(track -> track.audioFeatures() != null).limit(limit).toList();
        }
        CountDownLatch entered = readsEntered;
        CountDownLatch released = readsReleased;
        if (entered != null && released != null) {
            entered.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return page;
    }

    @Override
    public synchronized Map<String, Track> tracks(Collection<String> ids) {
        failIfDown();
        if (ids.size() > 100) {
            throw new IllegalArgumentException("at most 100 ids");
        }
        lookups.incrementAndGet();
        Map<String, Track> found = new LinkedHashMap<>();
        ids.forEach(id -> Optional.ofNullable(tracks.get(id)).ifPresent(track -> found.put(id, track)));
        return found;
    }

    @Override
    public synchronized long revision() {
        failIfDown();
        return revision;
    }

    @Override
    public synchronized Optional<Track> track(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    @Override
    public ImportResult importTracks(List<TrackImport> batch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean updateAudioFeatures(String trackId, AudioFeatures features) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Artist> artist(String id) {
        return Optional.empty();
    }

    @Override
    public List<String> genres() {
        return List.of("rock");
    }
}
