package org.audotics.cache.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
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
     * Stores a value that expires after {@code ttl}.
     *
     * @param ttl time to live, at least one millisecond
     * @throws IllegalArgumentException when {@code ttl} is zero or negative
     */
    void put(String key, String value, Duration ttl);

    /** Removes the keys; absent keys are ignored. */
    void delete(Collection<String> keys);
}
