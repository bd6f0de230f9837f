package org.audotics.auth.internal.authorize;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.audotics.auth.internal.AuthConfig;
import org.audotics.auth.internal.Scopes;
import org.audotics.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authorization requests waiting for the user's sign-in and consent, in the shared database (so the form
 * may be posted to another node than the one that rendered it). Each is known by an opaque id of 256 random
 * bits, stored as its SHA-256, that the consent form carries; it lives {@code authorize.request.ttl.seconds}
 * and is taken once: posting the form consumes it whatever the outcome, and a page rendered again (a wrong
 * password) carries a new id. The id is the form's CSRF defence: only the page that was rendered for this
 * request knows it. Thread-safe.
 */
@Component(service = PendingAuthorizations.class, configurationPid = AuthConfig.PID)
public final class PendingAuthorizations {

    private final AuthorizeTables tables;
    private final Duration lifetime;
    private final Clock clock;

    @Activate
    public PendingAuthorizations(@Reference Database database, AuthConfig config) {
        this(database, Duration.ofSeconds(config.authorize_request_ttl_seconds()), Clock.systemUTC());
    }

    /** For tests: a given lifetime and clock. */
    public PendingAuthorizations(Database database, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.toSeconds() > 3600) {
            throw new IllegalArgumentException("authorize.request.ttl.seconds must be between 1 and 3600");
        }
        this.tables = new AuthorizeTables(database);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Stores the request and answers its id; expired requests are deleted on the way. */
    public String put(AuthorizationRequest request) {
        String id = AuthorizeTables.newSecret();
        long now = clock.millis();
        tables.inTransaction("Storing an authorization request", connection -> {
            AuthorizeTables.execute(connection, "DELETE FROM auth_authorize_request WHERE expires_at <= ?", now);
            AuthorizeTables.execute(connection, "INSERT INTO auth_authorize_request (id_hash, client_id, redirect_uri, redirect_uri_given, scope,"
                    + " state, code_challenge, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", AuthorizeTables.hash(id),
                    request.clientId(), request.redirectUri(), request.redirectUriGiven(), Scopes.format(request.scopes()), request.state(),
                    request.codeChallenge(), now, now + lifetime.toMillis());
            return null;
        });
        return id;
    }

    /** The request with that id, removed; empty when the id is unknown, taken before or expired. */
    public Optional<AuthorizationRequest> take(String id) {
        if (!AuthorizeTables.isSecret(id)) {
            return Optional.empty();
        }
        String hash = AuthorizeTables.hash(id);
        long now = clock.millis();
        return tables.inTransaction("Taking an authorization request", connection -> {
            AuthorizationRequest found;
            long expiresAt;
            try (PreparedStatement select = AuthorizeTables.prepare(connection, "SELECT client_id, redirect_uri, redirect_uri_given, scope,"
                    + " state, code_challenge, expires_at FROM auth_authorize_request WHERE id_hash = ?", hash);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                found = new AuthorizationRequest(row.getString(1), row.getString(2), row.getBoolean(3), Scopes.parse(row.getString(4)),
                        row.getString(5), row.getString(6));
                expiresAt = row.getLong(7);
            }
            // the delete decides between two posts of the same form (two tabs, two nodes): one wins
            if (AuthorizeTables.execute(connection, "DELETE FROM auth_authorize_request WHERE id_hash = ?", hash) == 0 || expiresAt <= now) {
                return Optional.empty();
            }
            return Optional.of(found);
        });
    }
}
