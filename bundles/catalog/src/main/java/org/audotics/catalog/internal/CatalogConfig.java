package org.audotics.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the catalog bundle, PID {@value #PID} ({@code etc/org.audotics.catalog.cfg}). */
@ObjectClassDefinition(name = "Audotics catalog", description = "Tracks, artists and albums")
public @interface CatalogConfig {

    String PID = "org.audotics.catalog";

    @AttributeDefinition(name = "Track cache TTL (s)", description = "How long a track read from the database stays in the shared cache; also the longest a node can serve a stale track when the cache could not be told of an update")
    int track_cache_ttl_seconds() default 600;

    @AttributeDefinition(name = "Migration retry (s)", description = "How often the schema migration is retried while the database is unreachable at start")
    int migration_retry_seconds() default 5;
}
