package org.audotics.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refresh tokens: opaque (32 random bytes, base64url), stored only as their SHA-256, in the shared
 * database so every node honours a rotation or a revocation at once. A sign-in starts a family; every use
 * replaces the token with a new one of the same family. A token presented a second time means two parties
 * hold it (one of them stole it): the whole family is revoked, and the thief's and the owner's next
 * refresh both fail, so the owner signs in again. Thread-safe; two nodes rotating the same token at once
 * decide by a conditional update (the second counts as a replay).
 */
@Component(service = RefreshTokens.class, configurationPid = AuthConfig.PID)
public final class RefreshTokens {

    /** What became of a presented refresh token. */
    enum Outcome {
        /** Replaced by {@link Rotation#token()}. */
        ROTATED,
        /** Not a token of ours. */
        UNKNOWN,
        /** Past its lifetime. */
        EXPIRED,
        /** Its family was revoked (sign-out, theft, deleted account). */
        REVOKED,
        /** Used before: its family is now revoked. */
        REPLAYED
    }

    /**
     * @param token  the new refresh token when {@link Outcome#ROTATED}, else null
     * @param userId the family's user when the token was found, else null
     * @param clientId the app the family was issued to (authorization_code grant), null for a user's own sign-in
     */
    record Rotation(Outcome outcome, String token, String userId, Set<String> scopes, String familyId, String clientId) {

        static Rotation refused(Outcome outcome) {
            return new Rotation(outcome, null, null, Set.of(), null, null);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthSchema schema;
    private final DataSource dataSource;
    private final Duration lifetime;
    private final Clock clock;
    private final RevokedAccessTokens revokedAccessTokens;

    @Activate
    public RefreshTokens(@Reference Database database, @Reference RevokedAccessTokens revokedAccessTokens, AuthConfig config) {
        this(database, Duration.ofDays(config.token_refresh_ttl_days()), Clock.systemUTC(), revokedAccessTokens);
    }

    /** @param revokedAccessTokens told of every family revoked here, so the family's access tokens end too */
    RefreshTokens(Database database, Duration lifetime, Clock clock, RevokedAccessTokens revokedAccessTokens) {
        this.schema = new AuthSchema(database);
        this.dataSource = database.dataSource();
        this.lifetime = lifetime;
        this.clock = clock;
        this.revokedAccessTokens = revokedAccessTokens;
    }

    /** A new family's first token. */
    record Issued(String token, String familyId) {
    }

    /** Starts a family for a sign-in and returns its first token. */
    String issue(String userId, Set<String> scopes) {
        return start(userId, scopes).token();
    }

    /** Starts a family for a sign-in: its first token and its id (for the access token's family claim). */
    Issued start(String userId, Set<String> scopes) {
        return start(userId, scopes, null, UUID.randomUUID().toString());
    }

    /**
     * Starts a family for an app the user authorized (the authorization_code grant): every rotation keeps
     * its scopes and client id.
     *
     * @param clientId the app, or null for the user's own sign-in
     * @param family   the new family's id (a UUID), chosen by the caller
     */
    Issued start(String userId, Set<String> scopes, String clientId, String family) {
        String token = newToken();
        long now = clock.millis();
        inTransaction("Issuing a refresh token", connection -> {
            execute(connection, "INSERT INTO auth_refresh_family (id, user_id, scope, created_at, client_id) VALUES (?, ?, ?, ?, ?)",
                    family, userId, Scopes.format(scopes), now, clientId);
            execute(connection, "INSERT INTO auth_refresh_token (token_hash, family_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    hash(token), family, now, now + lifetime.toMillis());
            return null;
        });
        return new Issued(token, family);
    }

    /** Uses a token: replaces it with a new one of its family, or says why not (revoking the family on a replay). */
    Rotation rotate(String presented) {
        Rotation rotation = rotateInTransaction(presented);
        if (rotation.outcome() == Outcome.REPLAYED) {
            revokedAccessTokens.revokeFamily(rotation.familyId());
        }
        return rotation;
    }

    private Rotation rotateInTransaction(String presented) {
        String hash = hash(presented);
        long now = clock.millis();
        return inTransaction("Rotating a refresh token", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT t.family_id, t.used_at, t.expires_at, f.user_id, f.scope,"
                    + " f.revoked_at, f.client_id FROM auth_refresh_token t JOIN auth_refresh_family f ON f.id = t.family_id WHERE t.token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Rotation.refused(Outcome.UNKNOWN);
                    }
                    String family = row.getString(1);
                    boolean used = row.getObject(2) != null;
                    long expiresAt = row.getLong(3);
                    String userId = row.getString(4);
                    Set<String> scopes = Scopes.parse(row.getString(5));
                    boolean revoked = row.getObject(6) != null;
                    String clientId = row.getString(7);
                    if (revoked) {
                        return new Rotation(Outcome.REVOKED, null, userId, scopes, family, clientId);
                    }
                    if (used || execute(connection, "UPDATE auth_refresh_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                            now, hash) == 0) {
                        revokeFamily(connection, family, now);
                        LOG.warn("A used refresh token was presented again: its family {} (user {}) is revoked", family, userId);
                        return new Rotation(Outcome.REPLAYED, null, userId, scopes, family, clientId);
                    }
                    if (expiresAt <= now) {
                        return new Rotation(Outcome.EXPIRED, null, userId, scopes, family, clientId);
                    }
                    String next = newToken();
                    execute(connection, "INSERT INTO auth_refresh_token (token_hash, family_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                            hash(next), family, now, now + lifetime.toMillis());
                    return new Rotation(Outcome.ROTATED, next, userId, scopes, family, clientId);
                }
            }
        });
    }

    /** Whether the token was ever issued here (used, revoked and expired ones included); nothing changes. */
    boolean known(String presented) {
        String hash = hash(presented);
        return inTransaction("Looking up a refresh token", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM auth_refresh_token WHERE token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** The app the token's family was issued to; empty for a user's own sign-in or a token not ours. Nothing changes. */
    Optional<String> clientId(String presented) {
        String hash = hash(presented);
        return inTransaction("Looking up a refresh token's app", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT f.client_id FROM auth_refresh_token t"
                    + " JOIN auth_refresh_family f ON f.id = t.family_id WHERE t.token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Revokes the family of a token (RFC 7009); false when the token is not ours. */
    boolean revoke(String presented) {
        String hash = hash(presented);
        long now = clock.millis();
        String family = inTransaction("Revoking a refresh token", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT family_id FROM auth_refresh_token WHERE token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    revokeFamily(connection, row.getString(1), now);
                    return row.getString(1);
                }
            }
        });
        if (family == null) {
            return false;
        }
        revokedAccessTokens.revokeFamily(family);
        return true;
    }

    /** Revokes a family (e.g. its account is gone). */
    void revokeFamily(String family) {
        long now = clock.millis();
        inTransaction("Revoking a refresh token family", connection -> {
            revokeFamily(connection, family, now);
            return null;
        });
        revokedAccessTokens.revokeFamily(family);
    }

    /** Revokes every family of a user (the password changed): each sign-in's refresh and access tokens end. */
    void revokeAllOf(String userId) {
        long now = clock.millis();
        List<String> families = inTransaction("Revoking a user's refresh token families", connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM auth_refresh_family WHERE user_id = ? AND revoked_at IS NULL")) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            execute(connection, "UPDATE auth_refresh_family SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", now, userId);
            return found;
        });
        families.forEach(revokedAccessTokens::revokeFamily);
    }

    private static void revokeFamily(Connection connection, String family, long now) throws SQLException {
        execute(connection, "UPDATE auth_refresh_family SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, family);
    }

    private static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        schema.migrate();
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

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
