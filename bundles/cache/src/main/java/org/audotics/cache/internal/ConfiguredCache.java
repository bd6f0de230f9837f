package org.audotics.cache.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.audotics.cache.api.Cache;
import org.audotics.cache.api.PubSub;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.metrics.api.Metrics;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache, pub/sub and {@code cache} health check, backed by Redis when a URI is configured and by this
 * process otherwise. A configuration change re-activates the component with the new backend.
 */
@Component(service = {Cache.class, PubSub.class, HealthCheck.class}, configurationPid = CacheConfig.PID,
        property = HealthCheck.NAME + "=cache")
@Designate(ocd = CacheConfig.class)
public final class ConfiguredCache implements Cache, PubSub, HealthCheck {

    static final String ENV_REDIS_URI = "AUDOTICS_REDIS_URI";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredCache.class);

    private final CacheBackend backend;
    private final CacheMetrics metrics = new CacheMetrics();

    @Activate
    public ConfiguredCache(CacheConfig config) {
        this.backend = open(config, System.getenv(ENV_REDIS_URI));
    }

    static CacheBackend open(CacheConfig config, String environmentUri) {
        String uri = environmentUri != null && !environmentUri.isBlank() ? environmentUri.strip() : config.redis_uri().strip();
        if (uri.isEmpty()) {
            LOG.info("Cache: in-process (no Redis URI configured)");
            return new InProcessBackend(config.local_max_entries());
        }
        return new RedisBackend(uri, config.key_prefix(), Duration.ofMillis(Math.max(50, config.command_timeout_ms())));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(Metrics sink) {
        metrics.reportTo(sink, () -> backend.health().up() ? 1 : 0);
    }

    void unbindMetrics(Metrics sink) {
        metrics.stopReportingTo(sink);
    }

    @Deactivate
    void deactivate() {
        metrics.stop();
        backend.close();
    }

    @Override
    public Optional<String> get(String key) {
        Optional<String> found = backend.get(key);
        metrics.lookedUp(found.isPresent() ? 1 : 0, found.isPresent() ? 0 : 1);
        return found;
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        Map<String, String> found = backend.getAll(keys);
        metrics.lookedUp(found.size(), Math.max(0, keys.size() - found.size()));
        return found;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        backend.put(key, value, ttl);
    }

    @Override
    public void delete(Collection<String> keys) {
        backend.delete(keys);
    }

    @Override
    public OptionalLong increment(String key, Duration ttl) {
        return backend.increment(key, ttl);
    }

    @Override
    public void publish(String channel, String message) {
        backend.publish(channel, message);
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        return backend.subscribe(channel, listener);
    }

    @Override
    public HealthStatus check() {
        return backend.health();
    }
}
