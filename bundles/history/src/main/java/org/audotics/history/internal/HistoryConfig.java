package org.audotics.history.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the listening history, PID {@value #PID} ({@code etc/org.audotics.history.cfg}). */
@ObjectClassDefinition(name = "Audotics history", description = "Listening events: schema migration, the track facts kept in memory to validate and weigh events, and the read cache")
public @interface HistoryConfig {

    String PID = "org.audotics.history";

    @AttributeDefinition(name = "Migration retry (s)", description = "Seconds between two attempts to migrate the history tables while the database is unreachable")
    int migration_retry_seconds() default 5;

    @AttributeDefinition(name = "Track cache size", description = "Tracks (duration and artists) kept in memory to validate and weigh events without asking the catalog for each batch")
    int track_cache_size() default 100000;

    @AttributeDefinition(name = "Track cache TTL (s)", description = "Seconds a track's duration and artists are kept in memory; catalog change events on any node evict a changed track earlier")
    int track_cache_ttl_seconds() default 600;

    @AttributeDefinition(name = "Read cache TTL (s)", description = "Seconds a listener's top tracks/artists and first page of recently played are kept in the shared cache (Redis when configured); each stored batch and an account deletion make the copies unused at once. 0 turns the cache off")
    int read_cache_ttl_seconds() default 600;
}
