package org.audotics.history.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;

/**
 * The tracks events name, looked up in the catalog in bulk ({@value CatalogService#MAX_LOOKUP_IDS} ids per call)
 * and kept in memory: an ingest of 20 000 events per second names the same tracks over and over, and asking the
 * catalog (a Redis read per id) for each would cost more than storing the events. Unknown ids are not kept, so a
 * track imported a moment later is found. Changed or deleted tracks are evicted by {@link #evict}, called for the
 * catalog's change events (of any node, re-posted by the catalog's bridge); the TTL bounds what a lost event
 * leaves stale. Thread-safe.
 */
public final class CatalogTracks {

    private final Cache<String, TrackFacts> known;

    public CatalogTracks(int maximumSize, Duration ttl) {
        this.known = Caffeine.newBuilder().maximumSize(Math.max(1, maximumSize)).expireAfterWrite(ttl).build();
    }

    /** @return the facts of the ids that name catalog tracks; unknown ids are absent */
    public Map<String, TrackFacts> lookup(CatalogService catalog, Collection<String> ids) {
        Map<String, TrackFacts> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            TrackFacts facts = known.getIfPresent(id);
            if (facts != null) {
                found.put(id, facts);
            } else {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += CatalogService.MAX_LOOKUP_IDS) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CatalogService.MAX_LOOKUP_IDS));
            for (Track track : catalog.tracks(chunk).values()) {
                TrackFacts facts = new TrackFacts(track.id(), track.durationMs(), track.artists().stream().map(ArtistRef::id).toList());
                known.put(track.id(), facts);
                found.put(track.id(), facts);
            }
        }
        return found;
    }

    /** Forgets the tracks of a catalog change event ({@link CatalogEvents#IDS}). */
    public void evict(Collection<String> ids) {
        known.invalidateAll(ids);
    }
}
