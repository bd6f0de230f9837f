package org.audotics.search.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.AlbumRef;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;

/** A catalog in memory with a revision like the real one; artists and albums are derived from the tracks. */
public final class InMemoryCatalog implements CatalogService {

    private final TreeMap<String, Track> tracks = new TreeMap<>();
    private final Map<String, Integer> artistPopularity = new LinkedHashMap<>();
    private long revision = 1;
    private volatile boolean down;
    public final AtomicInteger pageReads = new AtomicInteger();

    /** A track by one artist on one album. */
    public static Track track(String id, String name, String artist, String album, String releaseDate, int popularity, String... genres) {
        ArtistRef artistRef = new ArtistRef("ar-" + slug(artist), artist);
        AlbumRef albumRef = album == null ? null
                : new AlbumRef("al-" + slug(album), album, releaseDate, 1, Album.TYPE_ALBUM, List.of(artistRef));
        return new Track(id, "x-" + id, name, List.of(artistRef), albumRef, List.of(genres), popularity, 180_000, false, 1, 1, null);
    }

    public static String slug(String name) {
        return Integer.toHexString(name.hashCode());
    }

    /** Adds or replaces a track as an import would, on this node or another: bumps the revision. */
    public synchronized void put(Track track) {
        tracks.put(track.id(), track);
        revision++;
    }

    /** Adds or replaces a track as part of a write that is not finished: {@link #bumpRevision()} ends it. */
    public synchronized void putWithoutRevision(Track track) {
        tracks.put(track.id(), track);
    }

    public synchronized void bumpRevision() {
        revision++;
    }

    public synchronized void remove(String id) {
        tracks.remove(id);
        revision++;
    }

    public synchronized void artistPopularity(String artistName, int popularity) {
        artistPopularity.put("ar-" + slug(artistName), popularity);
        revision++;
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    private void check() {
        if (down) {
            throw new IllegalStateException("database down");
        }
    }

    @Override
    public synchronized List<Track> tracksAfter(String afterId, int limit) {
        check();
        pageReads.incrementAndGet();
        Map<String, Track> tail = afterId == null ? tracks : tracks.tailMap(afterId, false);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Map<String, Track> tracks(Collection<String> ids) {
        check();
        Map<String, Track> found = new LinkedHashMap<>();
        for (String id : ids) {
            if (tracks.containsKey(id)) {
                found.put(id, tracks.get(id));
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, Artist> artists(Collection<String> ids) {
        check();
        Map<String, Artist> found = new LinkedHashMap<>();
        for (String id : ids) {
            for (Track track : tracks.values()) {
                for (ArtistRef ref : track.artists()) {
                    if (ref.id().equals(id) && !found.containsKey(id)) {
                        found.put(id, new Artist(id, "x-" + id, ref.name(), track.genres(), artistPopularity.getOrDefault(id, 0)));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, Album> albums(Collection<String> ids) {
        check();
        Map<String, Album> found = new LinkedHashMap<>();
        for (String id : ids) {
            for (Track track : tracks.values()) {
                AlbumRef ref = track.album();
                if (ref != null && ref.id().equals(id) && !found.containsKey(id)) {
                    found.put(id, new Album(id, "x-" + id, ref.name(), ref.albumType(), ref.artists(), ref.releaseDate(), 1,
                            track.genres(), null, track.popularity()));
                }
            }
        }
        return found;
    }

    @Override
    public synchronized long revision() {
        check();
        return revision;
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
    public synchronized Optional<Track> track(String id) {
        return Optional.ofNullable(tracks.get(id));
    }

    @Override
    public Optional<Artist> artist(String id) {
        return Optional.ofNullable(artists(List.of(id)).get(id));
    }

    @Override
    public List<Track> tracksWithFeatures(String afterId, int limit) {
        return List.of();
    }

    @Override
    public List<String> genres() {
        return List.of();
    }
}
