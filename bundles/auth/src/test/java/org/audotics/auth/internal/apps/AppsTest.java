package org.audotics.auth.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps on a real embedded database: registration, secrets, ownership, and removal with the owner's account. */
public class AppsTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private Apps apps;

    @BeforeEach
    void open() throws Exception {
        database = EmbeddedDatabase.open(data);
        apps = new Apps(database);
        apps.owned("nobody"); // creates the tables
        addAccount("owner-1");
        addAccount("owner-2");
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Inserts the row an app's owner column refers to. */
    public static void addAccount(PooledDatabase database, String id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO user_account (id, email, password_hash, display_name, roles, "
                        + "created_at, updated_at) VALUES (?, ?, 'x', 'Someone', 'user', 0, 0)")) {
            insert.setString(1, id);
            insert.setString(2, id + "@example.com");
            insert.executeUpdate();
        }
    }

    private void addAccount(String id) throws Exception {
        addAccount(database, id);
    }

    @Test
    void aRegisteredAppAuthenticatesWithItsSecretOnly() {
        Apps.Registered registered = apps.register("owner-1", "My player", List.of("https://player.example.com/callback"));
        App app = registered.app();
        assertTrue(app.clientId().matches("[A-Za-z0-9_-]{22}"), app.clientId());
        assertTrue(registered.clientSecret().length() >= 43, registered.clientSecret());
        assertEquals(app, apps.authenticate(app.clientId(), registered.clientSecret()).orElseThrow());
        assertTrue(apps.authenticate(app.clientId(), registered.clientSecret() + "x").isEmpty());
        assertTrue(apps.authenticate("AAAAAAAAAAAAAAAAAAAAAA", registered.clientSecret()).isEmpty());
        assertTrue(apps.authenticate("not an id", registered.clientSecret()).isEmpty());
        assertNotEquals(app.clientId(), apps.register("owner-1", "Another", List.of("http://localhost:9000/cb")).app().clientId());
    }

    @Test
    void theSecretIsStoredOnlyAsItsHash() throws Exception {
        Apps.Registered registered = apps.register("owner-1", "My player", List.of("https://player.example.com/callback"));
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT secret_hash FROM auth_app WHERE client_id = ?")) {
            select.setString(1, registered.app().clientId());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                String stored = row.getString(1);
                assertFalse(stored.contains(registered.clientSecret()));
                assertTrue(stored.matches("[0-9a-f]{64}"), stored);
            }
        }
    }

    @Test
    void eachOwnerSeesAndDeletesOnlyTheirOwnApps() {
        App first = apps.register("owner-1", "One", List.of("https://one.example.com/cb", "http://127.0.0.1:8000/cb")).app();
        App second = apps.register("owner-2", "Two", List.of("https://two.example.com/cb")).app();
        assertEquals(List.of(first), apps.owned("owner-1"));
        assertEquals(List.of("https://one.example.com/cb", "http://127.0.0.1:8000/cb"), apps.owned("owner-1").get(0).redirectUris());
        assertFalse(apps.delete("owner-1", second.clientId()));
        assertTrue(apps.exists(second.clientId()));
        assertTrue(apps.delete("owner-2", second.clientId()));
        assertFalse(apps.exists(second.clientId()));
        assertFalse(apps.delete("owner-2", second.clientId()));
        assertFalse(apps.delete("owner-2", "not an id"));
    }

    @Test
    void appsGoWithTheirOwnersAccount() throws Exception {
        App app = apps.register("owner-1", "One", List.of("https://one.example.com/cb")).app();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM user_account WHERE id = 'owner-1'")) {
            delete.executeUpdate();
        }
        assertFalse(apps.exists(app.clientId()));
        assertEquals(List.of(), apps.owned("owner-1"));
    }
}
