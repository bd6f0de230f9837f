package org.audotics.auth.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.cache.api.Cache;
import org.audotics.storage.internal.PooledDatabase;
import org.audotics.storage.internal.StorageConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access-token verification on one thread, as the http layer's filter runs it for every request with a
 * JWT: {@code verify} is the jose4j RS256 check with our constraints (the key already in memory),
 * {@code authenticate} adds the account lookup (here an in-memory map, so it measures our code only; in
 * the server it is whatever the account service costs) and the deny-list read (an in-memory map that holds
 * no revoked token: the common case; in the server one Redis GET or one in-process map read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class JwtVerificationBenchmark {

    private PooledDatabase database;
    private AccessTokens tokens;
    private JwtAuthenticator authenticator;
    private String token;

    @Setup
    public void setUp() throws Exception {
        Path data = Files.createTempDirectory("audotics-jwt-bench-");
        System.setProperty("karaf.data", data.toString());
        database = new PooledDatabase(embeddedDefaults());
        SigningKeys keys = new SigningKeys(new SigningKeyStore(database), KeyEncryptionKey.of("benchmark-key-encryption-secret-0123456789"),
                Duration.ofDays(30), Clock.systemUTC());
        tokens = new AccessTokens(keys, "audotics", 3600, Clock.systemUTC());
        Account account = new Account("u1", "bench@example.com", "Bench", null, Set.of("user"), Instant.EPOCH);
        authenticator = new JwtAuthenticator(tokens, new RevokedAccessTokens(new InMemoryCache(), Clock.systemUTC(), Duration.ofHours(1)), new AccountService() {
            @Override
            public Account register(String email, String password, String displayName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Account> authenticate(String email, String password) {
                return Optional.empty();
            }

            @Override
            public Account register(String email, String password, String displayName, Set<String> extraRoles) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Account> account(String id) {
                return id.equals("u1") ? Optional.of(account) : Optional.empty();
            }

            @Override
            public Account update(String id, String displayName, String country) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean changePassword(String id, String currentPassword, String newPassword) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(String id) {
                throw new UnsupportedOperationException();
            }
        });
        token = tokens.issue("u1", Set.of("user"), Scopes.USER);
        if (authenticator.authenticate(token).isEmpty()) {
            throw new IllegalStateException("the benchmark's token is refused");
        }
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public Optional<AuthenticatedUser> verify() {
        return tokens.verify(token);
    }

    @Benchmark
    public Optional<AuthenticatedUser> authenticate() {
        return authenticator.authenticate(token);
    }

    private static StorageConfig embeddedDefaults() {
        return new StorageConfig() {
            @Override
            public String url() {
                return "";
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public int pool_max_size() {
                return 2;
            }

            @Override
            public int connection_timeout_ms() {
                return 5000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return StorageConfig.class;
            }
        };
    }

    /** The cache as the deny-list sees it with nothing revoked: a map read that misses. */
    private static final class InMemoryCache implements Cache {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            values.put(key, value);
        }

        @Override
        public void delete(Collection<String> keys) {
            keys.forEach(values::remove);
        }

        @Override
        public OptionalLong increment(String key, Duration ttl) {
            return OptionalLong.of(Long.parseLong(values.merge(key, "1", (old, one) -> String.valueOf(Long.parseLong(old) + 1))));
        }
    }
}
