package org.audotics.auth.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * The signing keys in the shared database (plain JDBC, SQL that PostgreSQL and H2 both run). A key is
 * added only if no key of its generation exists yet (the unique generation column decides between two
 * nodes rotating at the same moment); both then read the one that won.
 */
final class SigningKeyStore {

    /** A stored key: the public JWK as JSON, the private half encrypted ({@link KeyEncryptionKey}). */
    record Row(String kid, int generation, String publicJwk, String encryptedPrivateKey, long createdAt) {
    }

    private final AuthSchema schema;
    private final DataSource dataSource;

    /** Does no I/O: the schema is applied before the first statement. */
    SigningKeyStore(Database database) {
        this.schema = new AuthSchema(database);
        this.dataSource = database.dataSource();
    }

    /** The newest {@code count} keys, newest first. */
    List<Row> newest(int count) {
        schema.migrate();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT kid, generation, public_jwk, private_key, created_at FROM auth_signing_key ORDER BY generation DESC LIMIT ?")) {
            statement.setInt(1, count);
            try (ResultSet rows = statement.executeQuery()) {
                List<Row> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new Row(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4), rows.getLong(5)));
                }
                return found;
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading the token signing keys", e);
        }
    }

    /** @return false when a key of this generation (or with this kid) exists already */
    boolean insertIfAbsent(Row row) {
        schema.migrate();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO auth_signing_key (kid, generation, public_jwk, private_key, created_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, row.kid());
            statement.setInt(2, row.generation());
            statement.setString(3, row.publicJwk());
            statement.setString(4, row.encryptedPrivateKey());
            statement.setLong(5, row.createdAt());
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            StorageException failure = StorageException.from("Storing a token signing key", e);
            if (failure.reason() == StorageException.Reason.CONFLICT) {
                return false;
            }
            throw failure;
        }
    }
}
