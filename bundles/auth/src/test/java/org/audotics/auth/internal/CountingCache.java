package org.audotics.auth.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.cache.api.Cache;

/**
 * A map-backed cache (no expiry: the limiter's keys name their window; the time to live each key was
 * written with is kept in {@link #ttls}); {@code down} makes it unreachable.
 */
final class CountingCache implements Cache {

    final Map<String, String> values = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public Optional<String> get(String key) {
        return down ? Optional.empty() : Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (!down) {
            values.put(key, value);
            ttls.put(key, ttl);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        if (!down) {
            keys.forEach(values::remove);
        }
    }

    @Override
    public OptionalLong increment(String key, Duration ttl) {
        if (down) {
            return OptionalLong.empty();
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        ttls.putIfAbsent(key, ttl);
        return OptionalLong.of(Long.parseLong(values.merge(key, "1", (old, one) -> String.valueOf(Long.parseLong(old) + 1))));
    }
}
