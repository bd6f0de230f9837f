package org.audotics.storage.api;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's one relational database: PostgreSQL when configured, otherwise an embedded H2 file under
 * Karaf's {@code data/} folder.
 *
 * <p>Provided by the storage bundle once its connection pool exists (the pool may be unable to connect
 * yet: callers then get {@link java.sql.SQLException}s and {@code /health/ready} reports the database
 * down). Thread-safe.
 */
@ProviderType
public interface Database {

    /** The pooled data source; connections must be closed by the caller (try-with-resources). */
    DataSource dataSource();

    /** True for the embedded default database, false for a configured server. */
    boolean embedded();

    /**
     * Applies a bundle's Liquibase changelog, creating or upgrading its tables. Idempotent and safe to
     * call from several nodes at once (Liquibase takes a lock in the database). Blocks until done.
     *
     * @param owner         a class of the bundle that holds the changelog; its class loader reads it
     * @param changelogPath resource path inside that bundle, e.g. {@code "db/catalog-changelog.xml"}
     * @throws StorageException when the database is unreachable or the changelog fails; nothing of the
     *                          failed change set is left applied
     */
    void migrate(Class<?> owner, String changelogPath);
}
