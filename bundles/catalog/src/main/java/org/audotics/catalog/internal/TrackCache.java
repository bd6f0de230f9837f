package org.audotics.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.audotics.cache.api.Cache;
import org.audotics.catalog.api.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks as JSON in the shared cache under {@code catalog:track:<id>}. An entry that cannot be read back
 * (written by an older version, say) counts as a miss.
 */
final class TrackCache {

    private static final Logger LOG = LoggerFactory.getLogger(TrackCache.class);
    private static final String PREFIX = "catalog:track:";

    private final Cache cache;
    private final Duration ttl;
    private final ObjectMapper json = new ObjectMapper();

    TrackCache(Cache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    Optional<Track> get(String id) {
        return cache.get(PREFIX + id).flatMap(value -> read(id, value));
    }

    /** The cached ones of these tracks, read in one round trip ({@code Cache.getAll}, Redis {@code MGET}). */
    Map<String, Track> getAll(Collection<String> ids) {
        Map<String, Track> found = new HashMap<>();
        cache.getAll(ids.stream().map(id -> PREFIX + id).toList()).forEach((key, value) -> {
            String id = key.substring(PREFIX.length());
            read(id, value).ifPresent(track -> found.put(id, track));
        });
        return found;
    }

    private Optional<Track> read(String id, String value) {
        try {
            return Optional.of(json.readValue(value, Track.class));
        } catch (JsonProcessingException unreadable) {
            LOG.debug("Unreadable cache entry for track {}, treated as a miss", id);
            return Optional.empty();
        }
    }

    void put(Track track) {
        try {
            cache.put(PREFIX + track.id(), json.writeValueAsString(track), ttl);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a track record must always serialise", e);
        }
    }

    void evict(Collection<String> ids) {
        cache.delete(ids.stream().map(id -> PREFIX + id).toList());
    }
}
