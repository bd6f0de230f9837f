package org.audotics.auth.internal;

import org.audotics.auth.internal.apps.Apps;
import org.audotics.auth.internal.apps.AppsTest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;

/** The token machinery on a real embedded database, with a clock the test moves and a fake account service. */
final class TokenFixture implements AutoCloseable {

    static final String SECRET = "a-key-encryption-secret-of-enough-length";

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
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
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Accounts in a map; the password of every account is "password-" + its id. */
    static final class FakeAccounts implements AccountService {
        final Map<String, Account> byId = new ConcurrentHashMap<>();
        /** Passwords checked (each a hash in the real service). */
        final java.util.concurrent.atomic.AtomicInteger passwordChecks = new java.util.concurrent.atomic.AtomicInteger();

        Account add(String id, String email, Set<String> roles) {
            Account account = new Account(id, email, "Name " + id, null, roles, Instant.EPOCH);
            byId.put(id, account);
            return account;
        }

        @Override
        public Account register(String email, String password, String displayName) {
            throw new AccountException(AccountException.Reason.INVALID_FIELD, "not in this fake");
        }

        @Override
        public Optional<Account> authenticate(String email, String password) {
            passwordChecks.incrementAndGet();
            return byId.values().stream().filter(a -> a.email().equals(email) && password.equals("password-" + a.id())).findFirst();
        }

        @Override
        public Account register(String email, String password, String displayName, Set<String> extraRoles) {
            throw new AccountException(AccountException.Reason.INVALID_FIELD, "not in this fake");
        }

        @Override
        public Optional<Account> account(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Account update(String id, String displayName, String country) {
            throw new AccountException(AccountException.Reason.INVALID_FIELD, "not in this fake");
        }

        @Override
        public boolean changePassword(String id, String currentPassword, String newPassword) {
            passwordChecks.incrementAndGet();
            return byId.containsKey(id) && ("password-" + id).equals(currentPassword); // the fake keeps its fixed passwords
        }

        @Override
        public void delete(String id) {
            byId.remove(id);
        }
    }

    final PooledDatabase database;
    final TestClock clock = new TestClock();
    final FakeAccounts accounts = new FakeAccounts();
    final SigningKeys keys;
    final AccessTokens tokens;
    final RefreshTokens refreshTokens;
    final CountingCache cache = new CountingCache();
    final RevokedAccessTokens revoked;
    final JwtAuthenticator authenticator;
    final Apps apps;

    TokenFixture(Path data) {
        this(data, Duration.ofDays(30));
    }

    TokenFixture(Path data, Duration rotation) {
        database = EmbeddedDatabase.open(data);
        awaitFirstConnection();
        keys = signingKeys(rotation, SECRET);
        tokens = new AccessTokens(keys, "audotics", 3600, clock);
        revoked = new RevokedAccessTokens(cache, clock, Duration.ofSeconds(3600));
        refreshTokens = new RefreshTokens(database, Duration.ofDays(30), clock, revoked);
        apps = new Apps(database);
        authenticator = new JwtAuthenticator(tokens, revoked, accounts, apps);
    }

    /** The test pool waits 500 ms for a connection; creating the H2 file can take longer on a busy machine. */
    private void awaitFirstConnection() {
        for (int attempt = 1; ; attempt++) {
            try (var connection = database.dataSource().getConnection()) {
                return;
            } catch (java.sql.SQLException e) {
                if (attempt == 10) {
                    throw new IllegalStateException("the embedded database did not open", e);
                }
            }
        }
    }

    /** A registered app, owned by a new account row (the fake accounts keep no rows). */
    Apps.Registered registerApp(String owner) {
        apps.owned(owner); // creates the tables
        try {
            AppsTest.addAccount(database, owner);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return apps.register(owner, "App of " + owner, java.util.List.of("https://app.example.com/cb"));
    }

    /** Another node (or a restart) over the same database. */
    SigningKeys signingKeys(Duration rotation, String secret) {
        return new SigningKeys(new SigningKeyStore(database), KeyEncryptionKey.of(secret), rotation, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
