package org.audotics.realtime.internal;

import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shared database with the realtime tables: the changelog is applied by the first call that needs them, not at
 * activation, so a database that is down at start fails only those calls (and the next call tries again).
 */
@Component(service = RealtimeDatabase.class)
public final class RealtimeDatabase {

    static final String CHANGELOG = "db/realtime-changelog.xml";

    private final Database database;
    private volatile boolean migrated;

    @Activate
    public RealtimeDatabase(@Reference Database database) {
        this.database = database;
    }

    /** @return the pooled data source, after the realtime tables exist */
    public DataSource dataSource() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    database.migrate(RealtimeDatabase.class, CHANGELOG);
                    migrated = true;
                }
            }
        }
        return database.dataSource();
    }
}
