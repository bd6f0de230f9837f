package org.audotics.storage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the storage bundle, PID {@value #PID} ({@code etc/org.audotics.storage.cfg}). The
 * environment variables {@code AUDOTICS_DB_URL}, {@code AUDOTICS_DB_USER} and {@code AUDOTICS_DB_PASSWORD}
 * override the file when set, so a container deployment needs no edited file.
 */
@ObjectClassDefinition(name = "Audotics storage", description = "The relational database and its connection pool")
public @interface StorageConfig {

    String PID = "org.audotics.storage";

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:postgresql://host:5432/db for PostgreSQL; empty for the embedded H2 database under data/audotics")
    String url() default "";

    @AttributeDefinition(name = "User", description = "Database user (ignored for the embedded database)")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "Database password (ignored for the embedded database)")
    String password() default "";

    @AttributeDefinition(name = "Pool size", description = "Most connections the pool opens")
    int pool_max_size() default 10;

    @AttributeDefinition(name = "Connection timeout (ms)", description = "How long a request waits for a connection before failing with 503")
    int connection_timeout_ms() default 2000;
}
