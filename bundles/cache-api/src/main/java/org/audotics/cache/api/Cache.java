package org.audotics.cache.api;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Short-lived shared entries (read-through copies, rate-limit counters, ...), keyed by string.
 *
 * <p>Provided by the cache bundle: Redis when a Redis URI is configured (shared by all nodes), an
 * in-process map otherwise. Thread-safe. The cache is an optimisation, never the only copy of data: when
 * the backend is unreachable {@link #get} answers empty (a miss) and {@link #put} / {@link #delete} do
 * nothing, so a caller falls back to the source of truth; each such failure is logged once per minute.
 * Keys are namespaced by the bundle's configured prefix, so callers use short keys like
 * {@code "catalog:track:abc"}.
 */
@ProviderType
public interface Cache {

    /** @return the value, or empty when absent, expired or the backend is down */
    Optional<String> get(String key);

    /**
     * Reads many keys in one round trip (Redis {@code MGET}), for a caller that would otherwise call {@link #get} once
     * per key: a page of 100 tracks is one request to Redis, not 100 after one another.
     *
     * <p>The default reads key by key; the cache bundle's Redis backend overrides it.
     *
     * @param keys 0 or more keys; repeated keys are read once
     * @return the present entries (absent, expired keys left out; nothing when the backend is down); never null
     * @since 1.2
     */
    default Map<String, String> getAll(Collection<String> keys) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : keys) {
            get(key).ifPresent(value -> found.put(key, value));
        }
        return found;
    }

    /**
     * Stores a value that expires after {@code ttl}.
     *
     * @param ttl time to live, at least one millisecond
     * @throws IllegalArgumentException when {@code ttl} is zero or negative
     */
    void put(String key, String value, Duration ttl);

    /** Removes the keys; absent keys are ignored. */
    void delete(Collection<String> keys);

    /**
     * Adds one to the counter at {@code key}, atomically across every node sharing the backend: an absent
     * (or expired) key starts at 1 and expires {@code ttl} after that first increment; later increments
     * keep that expiry (a fixed window, for rate limits). {@link #get} reads the count as decimal text.
     * Writing the key with {@link #put} replaces the counter.
     *
     * <p>Unlike the other writes, a caller learns when the count could not be made: a rate limiter then
     * decides for itself whether to let the request through.
     *
     * @param ttl time to live of a new counter, at least one millisecond
     * @return the count after this increment (at least 1), or empty when the backend is unreachable
     * @throws IllegalArgumentException when {@code ttl} is zero or negative
     * @since 1.1
     */
    OptionalLong increment(String key, Duration ttl);
}
