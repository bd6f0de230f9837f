package org.audotics.cache.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.audotics.health.api.HealthStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default when no Redis is configured: a bounded Caffeine cache with per-entry expiry, and pub/sub
 * that reaches this node only. Messages are delivered in publish order on one thread owned here.
 */
final class InProcessBackend implements CacheBackend {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessBackend.class);

    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audotics-pubsub");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A value with its own time to live. {@code counter}: written by increment; {@code continued}: a
     * counter's later increment, which keeps the expiry of the first one.
     */
    private record Entry(String value, long ttlNanos, boolean counter, boolean continued) {
    }

    InProcessBackend(long maxEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                // evict on the writing thread: on the common pool eviction fell far behind under CPU load
                // (a test saw 108 entries kept of a bound of 10), so the bound did not bound memory
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return entry.continued() ? remaining : entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        TtlCheck.requirePositive(ttl);
        entries.put(key, new Entry(value, ttl.toNanos(), false, false));
    }

    @Override
    public void delete(Collection<String> keys) {
        entries.invalidateAll(keys);
    }

    /** Atomic through the map's compute; an entry that is not a number (written by put) restarts at 1. */
    @Override
    public OptionalLong increment(String key, Duration ttl) {
        TtlCheck.requirePositive(ttl);
        Entry counted = entries.asMap().compute(key, (k, old) -> {
            boolean continued = old != null && old.counter();
            long count = continued ? Long.parseLong(old.value()) + 1 : 1;
            return new Entry(Long.toString(count), ttl.toNanos(), true, continued);
        });
        return OptionalLong.of(Long.parseLong(counted.value()));
    }

    @Override
    public void publish(String channel, String message) {
        List<Consumer<String>> subscribers = listeners.getOrDefault(channel, List.of());
        for (Consumer<String> listener : subscribers) {
            delivery.execute(() -> deliver(channel, listener, message));
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(channel, List.of()).remove(listener);
    }

    static void deliver(String channel, Consumer<String> listener, String message) {
        try {
            listener.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("A listener of channel {} failed", channel, e);
        }
    }

    @Override
    public HealthStatus health() {
        return HealthStatus.up("in-process (" + entries.estimatedSize() + " entries)");
    }

    @Override
    public void close() {
        delivery.shutdownNow();
        entries.invalidateAll();
    }
}
