package org.audotics.auth.internal.providers;

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
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * Sign-ins under way, in table {@code auth_provider_state} of the shared database (the callback may reach
 * another node than the one that sent the person away). The {@code state} parameter is 32 random bytes,
 * stored only as its SHA-256; it is bound to the provider, the PKCE verifier, the OIDC nonce and the
 * redirect_uri, lives {@link #LIFETIME} and is used once: taking it deletes it, and of two callbacks with
 * the same state only the one whose delete removed the row goes on. Expired rows are deleted whenever a
 * sign-in starts. Thread-safe.
 */
final class SignInStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sign-in under way, as started. */
    record Pending(String provider, String codeVerifier, String nonce, String redirectUri) {
    }

    private final Database database;
    private final Clock clock;
    private volatile DataSource dataSource;

    SignInStates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @return the state parameter for the authorization request */
    String start(Pending pending) {
        String state = random(32);
        long now = clock.millis();
        run("Starting a sign-in", connection -> {
            try (PreparedStatement expired = connection.prepareStatement("DELETE FROM auth_provider_state WHERE expires_at <= ?")) {
                expired.setLong(1, now);
                expired.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO auth_provider_state (state_hash, provider, code_verifier,"
                    + " nonce, redirect_uri, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(state));
                insert.setString(2, pending.provider());
                insert.setString(3, pending.codeVerifier());
                insert.setString(4, pending.nonce());
                insert.setString(5, pending.redirectUri());
                insert.setLong(6, now + LIFETIME.toMillis());
                insert.executeUpdate();
            }
            return null;
        });
        return state;
    }

    /** @return the sign-in the state started, once; empty when unknown, used before, expired, or of another provider */
    Optional<Pending> take(String provider, String state) {
        if (state == null || state.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(state);
        long now = clock.millis();
        return run("Finishing a sign-in", connection -> {
            Pending pending;
            long expiresAt;
            try (PreparedStatement select = connection.prepareStatement("SELECT provider, code_verifier, nonce, redirect_uri, expires_at"
                    + " FROM auth_provider_state WHERE state_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    pending = new Pending(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
                    expiresAt = row.getLong(5);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM auth_provider_state WHERE state_hash = ?")) {
                delete.setString(1, hash);
                if (delete.executeUpdate() == 0) {
                    return Optional.empty(); // another callback took it first
                }
            }
            return expiresAt > now && pending.provider().equals(provider) ? Optional.of(pending) : Optional.empty();
        });
    }

    /** base64url of {@code bytes} random bytes, for states, PKCE verifiers and nonces. */
    static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636 section 4.2). */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static String hash(String state) {
        return HexFormat.of().formatHex(sha256(state));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
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

    /** Applies the auth changelog on first use, so a database that is down at start only delays it. */
    private DataSource open() {
        DataSource current = dataSource;
        if (current == null) {
            database.migrate(SignInStates.class, "db/auth-changelog.xml");
            current = database.dataSource();
            dataSource = current;
        }
        return current;
    }
}
