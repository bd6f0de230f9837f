package org.audotics.auth.internal.providers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.audotics.auth.internal.ProviderTokenCipher;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * Who is who at a provider: table {@code auth_provider_identity}, one row per (provider, subject) naming
 * the account, with the provider's access and refresh tokens sealed by {@link ProviderTokenCipher} (the
 * row's provider, subject and token kind as associated data) and the access token's expiry. Rows go with
 * the account (a cascading foreign key). Thread-safe; two nodes linking the same identity at once are
 * decided by the primary key.
 */
final class ProviderIdentities {

    private final Database database;
    private final ProviderTokenCipher cipher;
    private final Clock clock;
    private volatile DataSource dataSource;

    ProviderIdentities(Database database, ProviderTokenCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @return the account id linked to the identity, or empty */
    Optional<String> accountOf(String provider, String subject) {
        return run("Reading a provider identity", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT user_id FROM auth_provider_identity WHERE provider = ? AND subject = ?")) {
                select.setString(1, provider);
                select.setString(2, subject);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Links the identity to the account, with its tokens.
     *
     * @return false when the identity was linked already (by a concurrent sign-in)
     */
    boolean link(String provider, String subject, String userId, ProviderTokens tokens) {
        long now = clock.millis();
        try {
            return run("Linking a provider identity", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO auth_provider_identity (provider, subject, user_id,"
                        + " access_token, refresh_token, access_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, provider);
                    insert.setString(2, subject);
                    insert.setString(3, userId);
                    insert.setString(4, cipher.seal(tokens.accessToken(), context(provider, subject, "access")));
                    setText(insert, 5, tokens.refreshToken() == null ? null : cipher.seal(tokens.refreshToken(), context(provider, subject, "refresh")));
                    setMillis(insert, 6, tokens.expiresAt() == null ? null : tokens.expiresAt().toEpochMilli());
                    insert.setLong(7, now);
                    insert.setLong(8, now);
                    insert.executeUpdate();
                    return true;
                }
            });
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the stored tokens after a new sign-in; a refresh token is kept when the provider sent no new one. */
    void updateTokens(String provider, String subject, ProviderTokens tokens) {
        long now = clock.millis();
        run("Storing a provider's tokens", connection -> {
            String sql = tokens.refreshToken() == null
                    ? "UPDATE auth_provider_identity SET access_token = ?, access_expires_at = ?, updated_at = ? WHERE provider = ? AND subject = ?"
                    : "UPDATE auth_provider_identity SET access_token = ?, access_expires_at = ?, updated_at = ?, refresh_token = ?"
                            + " WHERE provider = ? AND subject = ?";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int i = 1;
                update.setString(i++, cipher.seal(tokens.accessToken(), context(provider, subject, "access")));
                setMillis(update, i++, tokens.expiresAt() == null ? null : tokens.expiresAt().toEpochMilli());
                update.setLong(i++, now);
                if (tokens.refreshToken() != null) {
                    update.setString(i++, cipher.seal(tokens.refreshToken(), context(provider, subject, "refresh")));
                }
                update.setString(i++, provider);
                update.setString(i, subject);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** The stored tokens, opened; empty when the identity is unknown. For the provider's own API (and the tests). */
    Optional<ProviderTokens> tokens(String provider, String subject) {
        return run("Reading a provider's tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT access_token, refresh_token, access_expires_at"
                    + " FROM auth_provider_identity WHERE provider = ? AND subject = ?")) {
                select.setString(1, provider);
                select.setString(2, subject);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String refresh = row.getString(2);
                    long expires = row.getLong(3);
                    java.time.Instant expiresAt = row.wasNull() ? null : java.time.Instant.ofEpochMilli(expires);
                    return Optional.of(new ProviderTokens(cipher.open(row.getString(1), context(provider, subject, "access")),
                            refresh == null ? null : cipher.open(refresh, context(provider, subject, "refresh")), expiresAt, null));
                }
            }
        });
    }

    private static String context(String provider, String subject, String kind) {
        return "provider-token\n" + provider + "\n" + subject + "\n" + kind;
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setMillis(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection connection = open().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private DataSource open() {
        DataSource current = dataSource;
        if (current == null) {
            database.migrate(ProviderIdentities.class, "db/auth-changelog.xml");
            current = database.dataSource();
            dataSource = current;
        }
        return current;
    }
}
