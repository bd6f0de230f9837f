package org.audotics.cache.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.audotics.health.api.HealthStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis through Lettuce: one shared command connection (Lettuce multiplexes it across threads) and one
 * pub/sub connection. The first connection is made in the background and retried until Redis answers,
 * so the server starts while Redis is down; afterwards Lettuce reconnects and re-subscribes by itself.
 * While Redis is unreachable, reads are misses and writes are dropped, as the {@code Cache} contract says.
 */
final class RedisBackend implements CacheBackend {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBackend.class);
    private static final long RETRY_SECONDS = 2;

    private final RedisClient client;
    private final String where;
    private final String prefix;
    private final ScheduledExecutorService connector;
    private final ExecutorService delivery;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final FailureLog failures = new FailureLog(LOG, Duration.ofMinutes(1));
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;

    /** @throws IllegalArgumentException when the URI is not a valid Redis URI */
    RedisBackend(String uri, String prefix, Duration timeout) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(timeout);
        this.where = redisUri.getHost() + ":" + redisUri.getPort();
        this.prefix = prefix;
        this.client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.connector = Executors.newSingleThreadScheduledExecutor(named("audotics-redis-connect"));
        this.delivery = Executors.newSingleThreadExecutor(named("audotics-redis-pubsub"));
        connector.execute(this::connect);
    }

    private void connect() {
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    dispatch(channel, message);
                }
            });
            if (!listeners.isEmpty()) {
                subscriber.sync().subscribe(listeners.keySet().stream().map(this::key).toArray(String[]::new));
            }
            commands = connection;
            pubsub = subscriber;
            LOG.info("Cache: connected to Redis at {}", where);
        } catch (RedisException e) {
            failures.record("Cache: Redis at " + where + " unreachable, retrying every " + RETRY_SECONDS + " s", e);
            if (!connector.isShutdown()) {
                connector.schedule(this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private void dispatch(String prefixedChannel, String message) {
        String channel = prefixedChannel.substring(prefix.length());
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            delivery.execute(() -> InProcessBackend.deliver(channel, listener, message));
        }
    }

    @Override
    public Optional<String> get(String key) {
        var connection = commands;
        if (connection == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(connection.sync().get(key(key)));
        } catch (RedisException e) {
            failures.record("Cache: GET failed, answering a miss", e);
            return Optional.empty();
        }
    }

    /** One {@code MGET}: one round trip for the whole list, where {@link #get} per key would make one each. */
    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        var connection = commands;
        Set<String> distinct = new LinkedHashSet<>(keys);
        if (connection == null || distinct.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, String> found = new LinkedHashMap<>();
            for (var entry : connection.sync().mget(distinct.stream().map(this::key).toArray(String[]::new))) {
                if (entry.hasValue()) {
                    found.put(entry.getKey().substring(prefix.length()), entry.getValue());
                }
            }
            return found;
        } catch (RedisException e) {
            failures.record("Cache: MGET failed, answering misses", e);
            return Map.of();
        }
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        TtlCheck.requirePositive(ttl);
        var connection = commands;
        if (connection == null) {
            return;
        }
        try {
            connection.sync().psetex(key(key), ttl.toMillis(), value);
        } catch (RedisException e) {
            failures.record("Cache: SET failed, entry dropped", e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        var connection = commands;
        if (connection == null || keys.isEmpty()) {
            return;
        }
        try {
            connection.sync().del(keys.stream().map(this::key).toArray(String[]::new));
        } catch (RedisException e) {
            failures.record("Cache: DEL failed; entries expire with their TTL", e);
        }
    }

    /**
     * INCR, then PEXPIRE on the counter's first increment. Were the node to fail between the two, the key
     * would never expire; a PTTL of -1 (no expiry) on a later increment repairs that.
     */
    @Override
    public OptionalLong increment(String key, Duration ttl) {
        TtlCheck.requirePositive(ttl);
        var connection = commands;
        if (connection == null) {
            return OptionalLong.empty();
        }
        try {
            var redis = connection.sync();
            String prefixed = key(key);
            long count = redis.incr(prefixed);
            if (count == 1 || redis.pttl(prefixed) == -1) {
                redis.pexpire(prefixed, ttl.toMillis());
            }
            return OptionalLong.of(count);
        } catch (RedisException e) {
            failures.record("Cache: INCR failed, not counted", e);
            return OptionalLong.empty();
        }
    }

    @Override
    public void publish(String channel, String message) {
        var connection = commands;
        if (connection == null) {
            failures.record("Cache: PUBLISH dropped, Redis not connected", null);
            return;
        }
        connection.async().publish(key(channel), message);
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        var channelListeners = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        channelListeners.add(listener);
        var subscriber = pubsub;
        if (subscriber != null && channelListeners.size() == 1) {
            subscriber.async().subscribe(key(channel));
        }
        return () -> channelListeners.remove(listener);
    }

    @Override
    public HealthStatus health() {
        var connection = commands;
        if (connection == null) {
            return HealthStatus.down("Redis at " + where + " not connected");
        }
        try {
            String pong = connection.sync().ping();
            return "PONG".equals(pong) ? HealthStatus.up("Redis at " + where) : HealthStatus.down("Redis answered " + pong);
        } catch (RedisException e) {
            return HealthStatus.down("Redis at " + where + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        connector.shutdownNow();
        delivery.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private String key(String key) {
        return prefix + key;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
