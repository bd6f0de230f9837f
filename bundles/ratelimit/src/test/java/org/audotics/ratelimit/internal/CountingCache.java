package org.audotics.ratelimit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.cache.api.Cache;

/**
 * A cache with the counter semantics of {@link Cache#increment} (expiry set by the first increment), on a clock the
 * test moves; {@link #down} makes it unreachable like a Redis that went away.
 */
final class CountingCache implements Cache {

    private record Entry(String value, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    volatile boolean down;

    CountingCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        if (down) {
            return Optional.empty();
        }
        Entry entry = entries.get(key);
        return entry == null || entry.expiresAt <= clock.millis() ? Optional.empty() : Optional.of(entry.value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.millis() + ttl.toMillis()));
    }

    @Override
    public void delete(Collection<String> keys) {
        keys.forEach(entries::remove);
    }

    @Override
    public synchronized OptionalLong increment(String key, Duration ttl) {
        if (down) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        Entry entry = entries.get(key);
        Entry next = entry == null || entry.expiresAt <= now
                ? new Entry("1", now + ttl.toMillis())
                : new Entry(Long.toString(Long.parseLong(entry.value) + 1), entry.expiresAt);
        entries.put(key, next);
        return OptionalLong.of(Long.parseLong(next.value));
    }

    int size() {
        return entries.size();
    }
}
