package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;

/** An immutable snapshot of every catalog track that has audio features, at one catalog revision. */
final class TrackIndex {

    static final int PAGE = 5_000;

    final long revision;
    final List<IndexedTrack> tracks;
    final Map<String, IndexedTrack> byId;

    private TrackIndex(long revision, List<IndexedTrack> tracks) {
        this.revision = revision;
        this.tracks = List.copyOf(tracks);
        Map<String, IndexedTrack> ids = new HashMap<>();
        tracks.forEach(track -> ids.put(track.track().id(), track));
        this.byId = Map.copyOf(ids);
    }

    /** Reads the catalog page by page; the revision is read first, so a concurrent import only makes it rebuild again. */
    static TrackIndex build(CatalogService catalog) {
        long revision = catalog.revision();
        List<IndexedTrack> tracks = new ArrayList<>();
        String after = null;
        List<Track> page;
        do {
            page = catalog.tracksWithFeatures(after, PAGE);
            page.forEach(track -> tracks.add(IndexedTrack.of(track)));
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return new TrackIndex(revision, tracks);
    }

    static TrackIndex of(long revision, List<Track> tracks) {
        return new TrackIndex(revision, tracks.stream().map(IndexedTrack::of).toList());
    }
}
