package org.audotics.auth.internal;

import org.audotics.storage.api.Database;

/**
 * The auth bundle's tables ({@value #CHANGELOG}): applied before the first statement rather than on
 * activation, so a database that is down when the bundle starts only delays it (each use retries).
 */
final class AuthSchema {

    static final String CHANGELOG = "db/auth-changelog.xml";

    private final Database database;
    private volatile boolean migrated;

    AuthSchema(Database database) {
        this.database = database;
    }

    /** @throws org.audotics.storage.api.StorageException when the database is down or the change fails */
    void migrate() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    database.migrate(AuthSchema.class, CHANGELOG);
                    migrated = true;
                }
            }
        }
    }
}
