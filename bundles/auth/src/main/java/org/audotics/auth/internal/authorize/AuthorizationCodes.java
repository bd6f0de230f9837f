package org.audotics.auth.internal.authorize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.audotics.auth.internal.AuthConfig;
import org.audotics.auth.internal.Scopes;
import org.audotics.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorization codes (RFC 6749 section 4.1.2): opaque, 256 random bits (base64url, 43 characters), stored
 * only as their SHA-256 in the shared database with the client, redirect URI, user, scopes and PKCE challenge
 * they were issued for. A code lives {@code authorize.code.ttl.seconds} and is redeemed once: the first
 * redemption marks it used whatever its outcome (a code presented with a wrong client, redirect URI or
 * verifier is spent: whoever presented it may have intercepted it). A second redemption is
 * {@link Outcome#REPLAYED} and answers the refresh-token family and access token the first one issued, so the
 * caller revokes them (section 10.5). Used and expired rows are deleted a day after they expire, so replays are
 * recognised until then. A replay that races the first redemption is recorded, and {@link #replayed} tells
 * the first one to revoke what it just issued. Thread-safe; two nodes redeeming the same code at once decide by a conditional update.
 */
@Component(service = AuthorizationCodes.class, configurationPid = AuthConfig.PID)
public final class AuthorizationCodes {

    /** What became of a presented code. */
    public enum Outcome {
        /** Valid: its user and scopes are granted to the client. */
        GRANTED,
        /** Not a code of ours (or deleted long after it expired). */
        UNKNOWN,
        /** Past its lifetime. */
        EXPIRED,
        /** Redeemed before: whatever the first redemption issued must be revoked. */
        REPLAYED,
        /** Issued to another client. */
        WRONG_CLIENT,
        /** The redirect URI differs from the authorization request's. */
        WRONG_REDIRECT_URI,
        /** The PKCE verifier does not match the challenge. */
        WRONG_VERIFIER
    }

    /**
     * @param userId             the code's user, when the code was found
     * @param scopes             the scopes granted, when {@link Outcome#GRANTED}
     * @param familyId           for {@link Outcome#REPLAYED}: the refresh-token family the first redemption started, or null
     * @param accessTokenId      for {@link Outcome#REPLAYED}: the {@code jti} of the access token it issued, or null
     * @param accessTokenExpires that token's expiry, or null
     */
    public record Redemption(Outcome outcome, String userId, Set<String> scopes, String familyId, String accessTokenId,
            Instant accessTokenExpires) {

        static Redemption refused(Outcome outcome, String userId) {
            return new Redemption(outcome, userId, Set.of(), null, null, null);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCodes.class);
    private static final long KEPT_AFTER_EXPIRY_MILLIS = Duration.ofDays(1).toMillis();

    private final AuthorizeTables tables;
    private final Duration lifetime;
    private final Clock clock;

    @Activate
    public AuthorizationCodes(@Reference Database database, AuthConfig config) {
        this(database, Duration.ofSeconds(config.authorize_code_ttl_seconds()), Clock.systemUTC());
    }

    /** For tests: a given lifetime and clock. */
    public AuthorizationCodes(Database database, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.toSeconds() > 600) {
            throw new IllegalArgumentException("authorize.code.ttl.seconds must be between 1 and 600");
        }
        this.tables = new AuthorizeTables(database);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Seconds a new code is valid. */
    public long ttlSeconds() {
        return lifetime.toSeconds();
    }

    /** A new code for the request, granted by the user. */
    public String issue(AuthorizationRequest request, String userId) {
        String code = AuthorizeTables.newSecret();
        long now = clock.millis();
        tables.inTransaction("Issuing an authorization code", connection -> {
            AuthorizeTables.execute(connection, "DELETE FROM auth_authorization_code WHERE expires_at < ?", now - KEPT_AFTER_EXPIRY_MILLIS);
            AuthorizeTables.execute(connection, "INSERT INTO auth_authorization_code (code_hash, client_id, redirect_uri, redirect_uri_given,"
                    + " user_id, scope, code_challenge, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", AuthorizeTables.hash(code),
                    request.clientId(), request.redirectUri(), request.redirectUriGiven(), userId, Scopes.format(request.scopes()),
                    request.codeChallenge(), now, now + lifetime.toMillis());
            return null;
        });
        return code;
    }

    /**
     * Redeems a code (section 4.1.3): it must be ours, unused, unexpired, issued to {@code clientId}, and
     * {@code redirectUri} must equal the authorization request's when that request named one (when it did
     * not, a given one must still equal the URI used); the verifier must match the challenge.
     *
     * @param clientId    the authenticated client
     * @param redirectUri the token request's {@code redirect_uri}, or null
     * @param verifier    the token request's {@code code_verifier}
     * @param familyId    the id of the refresh-token family the caller will start when the code is granted
     *                    (recorded now, so that a replay racing the first redemption still finds it)
     */
    public Redemption redeem(String code, String clientId, String redirectUri, String verifier, String familyId) {
        if (!AuthorizeTables.isSecret(code)) {
            return Redemption.refused(Outcome.UNKNOWN, null);
        }
        String hash = AuthorizeTables.hash(code);
        long now = clock.millis();
        return tables.inTransaction("Redeeming an authorization code", connection -> {
            try (PreparedStatement select = AuthorizeTables.prepare(connection, "SELECT client_id, redirect_uri, redirect_uri_given, user_id,"
                    + " scope, code_challenge, expires_at, used_at FROM auth_authorization_code WHERE code_hash = ?", hash);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Redemption.refused(Outcome.UNKNOWN, null);
                }
                String issuedTo = row.getString(1);
                String storedRedirect = row.getString(2);
                boolean redirectGiven = row.getBoolean(3);
                String userId = row.getString(4);
                Set<String> scopes = Scopes.parse(row.getString(5));
                String challenge = row.getString(6);
                long expiresAt = row.getLong(7);
                boolean used = row.getObject(8) != null;
                if (used || AuthorizeTables.execute(connection,
                        "UPDATE auth_authorization_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL", now, hash) == 0) {
                    return replayed(connection, hash, userId);
                }
                Outcome outcome;
                if (expiresAt <= now) {
                    outcome = Outcome.EXPIRED;
                } else if (!issuedTo.equals(clientId)) {
                    outcome = Outcome.WRONG_CLIENT;
                } else if (redirectGiven ? !storedRedirect.equals(redirectUri) : redirectUri != null && !storedRedirect.equals(redirectUri)) {
                    outcome = Outcome.WRONG_REDIRECT_URI;
                } else if (!Pkce.verifies(verifier, challenge)) {
                    outcome = Outcome.WRONG_VERIFIER;
                } else {
                    AuthorizeTables.execute(connection, "UPDATE auth_authorization_code SET family_id = ? WHERE code_hash = ?", familyId, hash);
                    return new Redemption(Outcome.GRANTED, userId, scopes, null, null, null);
                }
                LOG.info("An authorization code for client {} was refused ({}) and is spent", issuedTo, outcome);
                return Redemption.refused(outcome, userId);
            }
        });
    }

    /** Records the access token a granted redemption issued, for revoking it on a replay. */
    public void issued(String code, String accessTokenId, Instant expires) {
        String hash = AuthorizeTables.hash(code);
        tables.inTransaction("Recording an authorization code's access token", connection -> AuthorizeTables.execute(connection,
                "UPDATE auth_authorization_code SET access_jti = ?, access_expires_at = ? WHERE code_hash = ?", accessTokenId,
                expires.toEpochMilli(), hash));
    }

    /**
     * Whether the code was presented again since it was granted: the granting caller asks after issuing its
     * tokens, because a replay that came before they existed could not revoke them.
     */
    public boolean replayed(String code) {
        String hash = AuthorizeTables.hash(code);
        return tables.inTransaction("Reading an authorization code", connection -> {
            try (PreparedStatement select = AuthorizeTables.prepare(connection,
                    "SELECT 1 FROM auth_authorization_code WHERE code_hash = ? AND replayed_at IS NOT NULL", hash);
                    ResultSet row = select.executeQuery()) {
                return row.next();
            }
        });
    }

    private Redemption replayed(Connection connection, String hash, String userId) throws SQLException {
        AuthorizeTables.execute(connection, "UPDATE auth_authorization_code SET replayed_at = ? WHERE code_hash = ? AND replayed_at IS NULL",
                clock.millis(), hash);
        try (PreparedStatement select = AuthorizeTables.prepare(connection,
                "SELECT family_id, access_jti, access_expires_at FROM auth_authorization_code WHERE code_hash = ?", hash);
                ResultSet row = select.executeQuery()) {
            row.next();
            long expires = row.getLong(3);
            Instant accessExpires = row.wasNull() ? null : Instant.ofEpochMilli(expires);
            LOG.warn("An authorization code of user {} was presented again: what its first redemption issued is revoked", userId);
            return new Redemption(Outcome.REPLAYED, userId, Set.of(), row.getString(1), row.getString(2), accessExpires);
        }
    }
}
