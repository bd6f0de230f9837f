package org.audotics.library.internal.playlists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.audotics.cache.api.Cache;
import org.audotics.library.api.PlaylistEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A playlist's row, editors and first page of tracks in the shared cache (Redis when configured), the hot part of
 * {@code GET /v1/playlists/{id}}. An entry is used only when its version equals the playlist's current version,
 * read from the database by primary key on every use: a client never reads an older playlist after a change
 * answered, on any node, even if an eviction was lost (Redis unreachable during the write). Every change also
 * evicts the entry after its commit, so the cache holds no dead copies.
 */
final class PlaylistCache {

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistCache.class);
    private static final String PREFIX = "library:playlist:";

    /** What is cached: the row and its first tracks (at most {@code PlaylistService.MAX_TRACK_PAGE}). */
    record Cached(PlaylistStore.Row row, List<String> editors, List<CachedEntry> firstTracks) {

        List<PlaylistEntry> entries() {
            return firstTracks.stream().map(e -> new PlaylistEntry(e.trackId(), Instant.ofEpochMilli(e.addedAt()), e.addedBy())).toList();
        }
    }

    /** A playlist entry with its date as epoch milliseconds (no Java time module needed). */
    record CachedEntry(String trackId, long addedAt, String addedBy) {

        static CachedEntry of(PlaylistEntry entry) {
            return new CachedEntry(entry.trackId(), entry.addedAt().toEpochMilli(), entry.addedBy());
        }
    }

    private final Cache cache;
    private final Duration ttl;
    private final ObjectMapper json = new ObjectMapper();

    /** @param ttl zero turns the cache off */
    PlaylistCache(Cache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    boolean enabled() {
        return cache != null && !ttl.isZero();
    }

    /** @return the cached playlist when it is at {@code version} */
    Optional<Cached> get(String playlistId, long version) {
        if (!enabled()) {
            return Optional.empty();
        }
        return cache.get(PREFIX + playlistId).flatMap(text -> {
            try {
                return Optional.of(json.readValue(text, Cached.class));
            } catch (JsonProcessingException e) {
                LOG.warn("Dropping an unreadable cached playlist {}: {}", playlistId, e.getOriginalMessage());
                return Optional.empty();
            }
        }).filter(cached -> cached.row().version() == version);
    }

    void put(PlaylistStore.Row row, List<String> editors, List<PlaylistEntry> firstTracks) {
        if (!enabled()) {
            return;
        }
        try {
            cache.put(PREFIX + row.id(), json.writeValueAsString(new Cached(row, editors, firstTracks.stream().map(CachedEntry::of).toList())), ttl);
        } catch (JsonProcessingException e) {
            LOG.warn("Could not cache playlist {}: {}", row.id(), e.getOriginalMessage());
        }
    }

    void evict(String playlistId) {
        if (cache != null) {
            cache.delete(List.of(PREFIX + playlistId));
        }
    }
}
