package org.audotics.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.audotics.storage.api.StorageException;

/**
 * Applies a bundle's Liquibase changelog. The changelog is read through the owning bundle's class loader;
 * Liquibase's own plug-ins through Liquibase's, set as context class loader for the run.
 */
final class LiquibaseMigrator {

    private LiquibaseMigrator() {
    }

    static void migrate(DataSource dataSource, ClassLoader owner, String changelogPath) {
        ContextClassLoader.with(Liquibase.class.getClassLoader(), () -> {
            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                @SuppressWarnings("deprecation") // the command API needs the same objects and more ceremony
                Liquibase liquibase = new Liquibase(changelogPath, new ClassLoaderResourceAccessor(owner), database);
                liquibase.update(new Contexts(), new LabelExpression());
                return null;
            } catch (SQLException | LiquibaseException | RuntimeException e) {
                throw failure(changelogPath, e);
            }
        });
    }

    private static StorageException failure(String changelogPath, Exception e) {
        return e instanceof StorageException storage ? storage
                : StorageException.from("Migration " + changelogPath, e);
    }
}
