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

    @AttributeDefinition(name = "Import spool folder", description = "Where POST /v1/catalog/imports stores a body until its job has imported it; empty: data/audotics/imports under Karaf's data folder")
    String import_spool_folder() default "";

    @AttributeDefinition(name = "Import max bytes", description = "Largest body POST /v1/catalog/imports accepts, in bytes as sent (compressed when gzip); larger is a 413")
    long import_max_bytes() default 10_737_418_240L;

    @AttributeDefinition(name = "Import batch lines", description = "Lines of an import job written per transaction, 1 to 10000")
    int import_batch_lines() default 2000;

    @AttributeDefinition(name = "Import stored rejections", description = "Rejected lines an import job keeps with line, field and reason; later ones are only counted")
    int import_max_stored_rejections() default 1000;

    @AttributeDefinition(name = "Image max bytes", description = "Largest image file the server stores (a folder scan's cover), in bytes; larger ones are skipped. At most 20971520")
    int image_max_bytes() default 20_971_520;

    @AttributeDefinition(name = "Image max pixels", description = "Most pixels (width x height, read from the header before decoding) of an image the server stores; more is refused as a possible decompression bomb")
    long image_max_pixels() default 40_000_000L;

    @AttributeDefinition(name = "Image cache folder", description = "Where this node keeps the resized renditions of stored images; empty: data/audotics/image-cache under Karaf's data folder")
    String image_cache_folder() default "";

    @AttributeDefinition(name = "Image resizes at once", description = "Renditions made at the same time on this node (each decodes one image); further requests wait")
    int image_max_concurrent_resizes() default 2;
}
