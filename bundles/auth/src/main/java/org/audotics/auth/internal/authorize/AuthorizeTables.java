package org.audotics.auth.internal.authorize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * Plain JDBC on {@code auth_authorize_request} and {@code auth_authorization_code} (SQL that PostgreSQL and
 * H2 both run), shared by {@link PendingAuthorizations} and {@link AuthorizationCodes}. The auth changelog is
 * applied by the first statement, so a database that is down when the bundle starts only delays it.
 */
final class AuthorizeTables {

    private static final SecureRandom RANDOM = new SecureRandom();

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final DataSource dataSource;
    private volatile boolean migrated;

    AuthorizeTables(Database database) {
        this.database = database;
        this.dataSource = database.dataSource();
    }

    <T> T inTransaction(String what, Work<T> work) {
        migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** 32 random bytes (256 bits), base64url without padding: 43 characters. */
    static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether the text has the shape of {@link #newSecret()}: anything else is not looked up. */
    static boolean isSecret(String text) {
        return text != null && text.length() == 43 && text.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    /** SHA-256, hex: what is stored instead of a secret (enough for 256 random bits, no password to stretch). */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void migrate() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    database.migrate(AuthorizeTables.class, "db/auth-changelog.xml");
                    migrated = true;
                }
            }
        }
    }
}
