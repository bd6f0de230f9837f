package org.audotics.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.audotics.cache.api.Cache;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.PlayedTrack;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.TopItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's top items, taste profile, banned tracks and first page of recently played in the shared cache (Redis when configured, every node's
 * copy the same), the reads a client repeats. Every key carries the user's history version
 * ({@code EventStore.version}), which each stored batch changes and a deletion removes inside its transaction:
 * a reader first reads the version from the database (one primary-key row), so after a batch's 2xx every node
 * looks under the new version and never finds an older answer, even when Redis lost a write or was down. Old
 * versions' entries are never read again and expire after the TTL. A user without a version (no batch yet, or
 * deleted) is read from the database and not cached.
 *
 * <p>Keys (under the cache bundle's {@code key.prefix}): {@code history:top:<user>:<version>:<tracks|artists>:<first
 * day|all>:<offset>:<limit>} (the top items, and the taste profiles recommendations read), {@code
 * history:recent:<user>:<version>:<limit>} and {@code history:bans:<user>:<version>}; the first day of the window is in
 * the key, so a window that moved at midnight is another entry. Thread-safe.
 */
final class HistoryCache {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCache.class);

    /** What is kept of top items. */
    record CachedTop(List<ScoredItem> items, long total) {
    }

    /** A play, its time in epoch milliseconds (no Java time module needed). */
    record CachedPlay(String trackId, long playedAt, String contextType, String contextId) {

        static CachedPlay of(PlayedTrack play) {
            PlayContext context = play.context();
            return new CachedPlay(play.trackId(), play.playedAt().toEpochMilli(), context == null ? null : context.type().wireName(),
                    context == null ? null : context.id());
        }

        PlayedTrack played() {
            return new PlayedTrack(trackId, Instant.ofEpochMilli(playedAt),
                    contextType == null ? null : new PlayContext(PlayContext.Type.fromWireName(contextType).orElseThrow(), contextId));
        }
    }

    private final Cache cache;
    private final Duration ttl;
    private final ObjectMapper json = new ObjectMapper();

    /** @param cache null or a zero {@code ttl} turns caching off */
    HistoryCache(Cache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    boolean enabled() {
        return cache != null && !ttl.isZero() && !ttl.isNegative();
    }

    TopItems top(String userId, long version, String kind, Long fromDay, int offset, int limit, Supplier<TopItems> read) {
        String key = "history:top:" + userId + ":" + version + ":" + kind + ":" + (fromDay == null ? "all" : fromDay) + ":" + offset + ":" + limit;
        Optional<CachedTop> cached = get(key, CachedTop.class);
        if (cached.isPresent()) {
            return new TopItems(cached.get().items(), cached.get().total());
        }
        TopItems top = read.get();
        put(key, new CachedTop(top.items(), top.total()));
        return top;
    }

    Set<String> bans(String userId, long version, Supplier<Set<String>> read) {
        String key = "history:bans:" + userId + ":" + version;
        Optional<String[]> cached = get(key, String[].class);
        if (cached.isPresent()) {
            return Set.of(cached.get());
        }
        Set<String> bans = read.get();
        put(key, bans.toArray(String[]::new));
        return bans;
    }

    List<PlayedTrack> recent(String userId, long version, int limit, Supplier<List<PlayedTrack>> read) {
        String key = "history:recent:" + userId + ":" + version + ":" + limit;
        Optional<CachedPlay[]> cached = get(key, CachedPlay[].class);
        if (cached.isPresent()) {
            return Arrays.stream(cached.get()).map(CachedPlay::played).toList();
        }
        List<PlayedTrack> plays = read.get();
        put(key, plays.stream().map(CachedPlay::of).toArray(CachedPlay[]::new));
        return plays;
    }

    private <T> Optional<T> get(String key, Class<T> type) {
        return cache.get(key).flatMap(text -> {
            try {
                return Optional.of(json.readValue(text, type));
            } catch (JsonProcessingException e) {
                LOG.warn("Dropping an unreadable cached history answer {}: {}", key, e.getOriginalMessage());
                return Optional.empty();
            }
        });
    }

    private void put(String key, Object value) {
        try {
            cache.put(key, json.writeValueAsString(value), ttl);
        } catch (JsonProcessingException e) {
            LOG.warn("Could not cache history answer {}: {}", key, e.getOriginalMessage());
        }
    }
}
