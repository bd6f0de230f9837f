package org.audotics.auth.internal.authorize;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.audotics.auth.internal.apps.Apps;
import org.audotics.auth.internal.apps.AppsTest;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;

/** An embedded database with an account ("u1") and a registered app, and a clock the test moves. */
final class AuthorizeFixture implements AutoCloseable {

    static final String REDIRECT = "https://player.example.com/cb";
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K8TqUagA8ByHkCkvFO9mDkLNXk";

    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final PooledDatabase database;
    final MovableClock clock = new MovableClock();
    final Apps apps;
    final Apps.Registered app;

    AuthorizeFixture(Path data) throws Exception {
        database = EmbeddedDatabase.open(data);
        for (int attempt = 1; ; attempt++) {
            try (var connection = database.dataSource().getConnection()) {
                break;
            } catch (java.sql.SQLException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
        apps = new Apps(database);
        apps.owned("nobody"); // creates the tables
        AppsTest.addAccount(database, "u1");
        app = apps.register("u1", "Player", List.of(REDIRECT, "http://127.0.0.1:8000/cb"));
    }

    AuthorizationRequest request(boolean redirectGiven, Set<String> scopes, String state) {
        return new AuthorizationRequest(app.app().clientId(), REDIRECT, redirectGiven, scopes, state, Pkce.challenge(VERIFIER));
    }

    @Override
    public void close() {
        database.close();
    }
}
