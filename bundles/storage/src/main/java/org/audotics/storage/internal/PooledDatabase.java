package org.audotics.storage.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.storage.api.Database;
import org.audotics.storage.cayenne.api.ObjectStore;
import org.audotics.storage.cayenne.api.ObjectStores;
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
 * The database service: a HikariCP pool over PostgreSQL (configured) or embedded H2 (default), plus
 * migrations and Cayenne object stores on that pool. Also the {@code database} readiness check.
 * A configuration change re-activates the component, so every consumer rebinds to the new pool.
 */
// immediate: as a delayed component SCR closed the pool whenever its last consumer was re-activated (each
// configuration arriving at start did that) and opened a new one for the next, four pools in one start
@Component(service = {Database.class, ObjectStores.class, HealthCheck.class}, configurationPid = StorageConfig.PID,
        property = HealthCheck.NAME + "=database", immediate = true)
@Designate(ocd = StorageConfig.class)
public final class PooledDatabase implements Database, ObjectStores, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PooledDatabase.class);

    private final ConnectionSettings settings;
    private final HikariDataSource pool;
    private final List<CayenneObjectStore> stores = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<PoolGauges> gauges = new java.util.concurrent.atomic.AtomicReference<>();

    @Activate
    public PooledDatabase(StorageConfig config) {
        this.settings = ConnectionSettings.resolve(config, System.getenv(), karafDataDir());
        this.pool = ConnectionPool.open(settings, config);
        LOG.info("Database: {} ({})", settings.redactedUrl(), settings.embedded() ? "embedded default" : "configured");
    }

    /** The pool's gauges while a metrics bundle is there ({@link PoolGauges}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(Metrics metrics) {
        PoolGauges previous = gauges.getAndSet(new PoolGauges(metrics, pool));
        if (previous != null) {
            previous.close();
        }
    }

    void unbindMetrics(Metrics metrics) {
        PoolGauges current = gauges.get();
        if (current != null && current.reportsTo(metrics) && gauges.compareAndSet(current, null)) {
            current.close();
        }
    }

    /** Closes the Cayenne runtimes and the pool (DS calls it on deactivation). */
    @Deactivate
    public void close() {
        PoolGauges current = gauges.getAndSet(null);
        if (current != null) {
            current.close();
        }
        stores.forEach(CayenneObjectStore::close);
        pool.close();
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public boolean embedded() {
        return settings.embedded();
    }

    private static final Object MIGRATIONS = new Object();

    @Override
    public void migrate(Class<?> owner, String changelogPath) {
        long started = System.nanoTime();
        // one migration at a time in this node: bundles migrating at once raced to create Liquibase's own
        // tables ("DATABASECHANGELOG already exists"); across nodes Liquibase's lock table serialises them
        synchronized (MIGRATIONS) {
            LiquibaseMigrator.migrate(pool, owner.getClassLoader(), changelogPath);
        }
        LOG.info("Schema {} up to date in {} ms", changelogPath, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public ObjectStore open(Class<?> owner, String projectPath) {
        CayenneObjectStore store = new CayenneObjectStore(pool, owner, projectPath);
        stores.add(store);
        return store;
    }

    @Override
    public HealthStatus check() {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(1)) {
                return HealthStatus.down("connection is not valid");
            }
            var meta = connection.getMetaData();
            return HealthStatus.up(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                    + (settings.embedded() ? " (embedded)" : ""));
        } catch (SQLException e) {
            return HealthStatus.down("cannot connect: " + e.getClass().getSimpleName());
        }
    }

    private static Path karafDataDir() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }
}
