package org.audotics.auth.internal.apps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * The {@code auth_app} table, in plain JDBC with SQL that PostgreSQL and H2 both run. Redirect URIs are
 * stored newline-separated (a URI cannot hold a raw newline); rows go with their owner's account (on
 * delete cascade).
 */
final class AppStore {

    /** An app with the SHA-256 (hex) of its secret, which never leaves this package. */
    record StoredApp(App app, String secretHash) {
    }

    private static final String COLUMNS = "client_id, name, redirect_uris, owner_id, created_at, secret_hash";

    private final DataSource dataSource;

    /** Applies the auth changelog, then uses the database's pool. */
    AppStore(Database database) {
        database.migrate(AppStore.class, "db/auth-changelog.xml");
        this.dataSource = database.dataSource();
    }

    /** @throws StorageException with reason CONFLICT when the owner's account no longer exists (or the id is taken) */
    void insert(App app, String secretHash) {
        update("Registering an app", "INSERT INTO auth_app (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", app.clientId(), app.name(),
                String.join("\n", app.redirectUris()), app.owner(), app.createdAt().toEpochMilli(), secretHash);
    }

    Optional<StoredApp> byClientId(String clientId) {
        List<StoredApp> found = query("Reading an app", "SELECT " + COLUMNS + " FROM auth_app WHERE client_id = ?", clientId);
        return found.stream().findFirst();
    }

    /** The owner's apps, oldest first. */
    List<App> byOwner(String owner) {
        return query("Listing apps", "SELECT " + COLUMNS + " FROM auth_app WHERE owner_id = ? ORDER BY created_at, client_id", owner)
                .stream().map(StoredApp::app).toList();
    }

    /** @return whether the owner had an app with that client id */
    boolean delete(String owner, String clientId) {
        return update("Deleting an app", "DELETE FROM auth_app WHERE client_id = ? AND owner_id = ?", clientId, owner) == 1;
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private List<StoredApp> query(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            List<StoredApp> apps = new ArrayList<>();
            while (row.next()) {
                App app = new App(row.getString(1), row.getString(2), Arrays.asList(row.getString(3).split("\n")), row.getString(4),
                        Instant.ofEpochMilli(row.getLong(5)));
                apps.add(new StoredApp(app, row.getString(6)));
            }
            return apps;
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
