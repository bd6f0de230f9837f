package org.audotics.auth.internal.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.audotics.auth.api.Account;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * The {@code user_account} table, in plain JDBC with SQL that PostgreSQL and H2 both run. Emails arrive
 * lower-cased, so the table's unique constraint makes them unique ignoring letter case, also between
 * two nodes registering the same address at once.
 */
final class AccountStore {

    /** An account with its password hash, which never leaves this bundle. */
    record StoredAccount(Account account, String passwordHash) {
    }

    private static final String COLUMNS = "id, email, password_hash, display_name, country, roles, created_at";

    private final DataSource dataSource;

    /** Applies the auth changelog, then uses the database's pool. */
    AccountStore(Database database) {
        database.migrate(AccountStore.class, "db/auth-changelog.xml");
        this.dataSource = database.dataSource();
    }

    /**
     * @throws StorageException with reason CONFLICT when the email (or, never in practice, the id) is taken
     */
    void insert(Account account, String passwordHash) {
        long created = account.createdAt().toEpochMilli();
        update("Registering an account", "INSERT INTO user_account (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(), account.email(), passwordHash, account.displayName(), account.country(), String.join(",", new TreeSet<>(account.roles())),
                created, created);
    }

    Optional<StoredAccount> byId(String id) {
        return one("Reading an account", "SELECT " + COLUMNS + " FROM user_account WHERE id = ?", id);
    }

    Optional<StoredAccount> byEmail(String email) {
        return one("Reading an account", "SELECT " + COLUMNS + " FROM user_account WHERE email = ?", email);
    }

    /** @return whether any account has the role (roles are stored sorted and comma-separated) */
    boolean anyWithRole(String role) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection,
                        "SELECT COUNT(*) FROM user_account WHERE roles = ? OR roles LIKE ? OR roles LIKE ? OR roles LIKE ?",
                        role, role + ",%", "%," + role, "%," + role + ",%");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1) > 0;
        } catch (SQLException e) {
            throw StorageException.from("Looking for an account with role " + role, e);
        }
    }

    /** @return whether an account had the id */
    boolean updateProfile(String id, String displayName, String country) {
        return update("Updating an account", "UPDATE user_account SET display_name = ?, country = ?, updated_at = ? WHERE id = ?",
                displayName, country, System.currentTimeMillis(), id) == 1;
    }

    /**
     * Replaces a hash only if it is still the one verified, so a concurrent password change wins.
     *
     * @return whether it was replaced
     */
    boolean replaceHash(String id, String oldHash, String newHash) {
        return 1 == update("Rehashing a password", "UPDATE user_account SET password_hash = ?, updated_at = ? WHERE id = ? AND password_hash = ?",
                newHash, System.currentTimeMillis(), id, oldHash);
    }

    /** @return whether an account had the id; roles are stored sorted and comma-separated */
    boolean updateRoles(String id, Set<String> roles) {
        return update("Changing an account's roles", "UPDATE user_account SET roles = ?, updated_at = ? WHERE id = ?",
                String.join(",", new TreeSet<>(roles)), System.currentTimeMillis(), id) == 1;
    }

    long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, "SELECT COUNT(*) FROM user_account");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw StorageException.from("Counting accounts", e);
        }
    }

    /** @return whether an account had the id */
    boolean delete(String id) {
        return update("Deleting an account", "DELETE FROM user_account WHERE id = ?", id) == 1;
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private Optional<StoredAccount> one(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(accountOf(row)) : Optional.empty();
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private static StoredAccount accountOf(ResultSet row) throws SQLException {
        Set<String> roles = Set.copyOf(Arrays.asList(row.getString(6).split(",")));
        Account account = new Account(row.getString(1), row.getString(2), row.getString(4), row.getString(5), roles,
                Instant.ofEpochMilli(row.getLong(7)));
        return new StoredAccount(account, row.getString(3));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
