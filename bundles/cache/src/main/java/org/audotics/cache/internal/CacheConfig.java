package org.audotics.cache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the cache bundle, PID {@value #PID} ({@code etc/org.audotics.cache.cfg}). The
 * environment variable {@code AUDOTICS_REDIS_URI} overrides {@code redis.uri} when set.
 */
@ObjectClassDefinition(name = "Audotics cache", description = "Shared cache and publish/subscribe")
public @interface CacheConfig {

    String PID = "org.audotics.cache";

    @AttributeDefinition(name = "Redis URI", description = "redis://host:6379/0 (or rediss:// for TLS); empty for an in-process cache and pub/sub on this node only")
    String redis_uri() default "";

    @AttributeDefinition(name = "Key prefix", description = "Prepended to every key and channel, so several servers can share one Redis")
    String key_prefix() default "audotics:";

    @AttributeDefinition(name = "Command timeout (ms)", description = "How long a Redis command may take before it counts as a miss")
    int command_timeout_ms() default 500;

    @AttributeDefinition(name = "In-process entries", description = "Most entries the in-process cache keeps (least recently used are dropped)")
    int local_max_entries() default 100000;
}
