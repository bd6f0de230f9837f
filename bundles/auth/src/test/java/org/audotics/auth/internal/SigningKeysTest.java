package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys kept in the database: shared by restarts and nodes, rotated, encrypted at rest. */
class SigningKeysTest {

    @TempDir
    Path data;

    private TokenFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data, Duration.ofMinutes(10));
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void keysSurviveANewComponentInstanceOverTheSameDatabase() {
        String token = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        SigningKeys restarted = fixture.signingKeys(Duration.ofMinutes(10), TokenFixture.SECRET);
        assertEquals(fixture.keys.current().kid(), restarted.current().kid());
        assertEquals(fixture.keys.jwks(), restarted.jwks());
        var verifier = new JwtAuthenticator(new AccessTokens(restarted, "audotics", 3600, fixture.clock), fixture.revoked, fixture.accounts);
        assertTrue(verifier.authenticate(token).isPresent());
    }

    @Test
    void rotationSignsWithANewKeyAndKeepsTokensOfThePreviousKeyValid() throws Exception {
        String before = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        String firstKid = fixture.keys.current().kid();
        fixture.clock.advance(Duration.ofMinutes(11));
        String after = fixture.tokens.issue("u1", Set.of("user"), Set.of());
        assertNotEquals(firstKid, fixture.keys.current().kid());
        assertTrue(fixture.authenticator.authenticate(before).isPresent(), "signed with the previous key, not expired");
        assertTrue(fixture.authenticator.authenticate(after).isPresent());
        assertEquals(2, new JsonWebKeySet(fixture.keys.jwks()).getJsonWebKeys().size());
        // two rotations later the first key is retired (in production: 60 days later, long after its tokens expired)
        fixture.clock.advance(Duration.ofMinutes(11));
        fixture.keys.current();
        assertFalse(fixture.keys.jwks().contains(firstKid));
        assertFalse(fixture.authenticator.authenticate(before).isPresent());
    }

    @Test
    void aNodeLearnsOfAKeyAnotherNodeRotatedTo() {
        SigningKeys otherNode = fixture.signingKeys(Duration.ofMinutes(10), TokenFixture.SECRET);
        fixture.clock.advance(Duration.ofMinutes(11));
        String token = new AccessTokens(otherNode, "audotics", 3600, fixture.clock).issue("u1", Set.of("user"), Set.of());
        fixture.clock.advance(Duration.ofSeconds(2)); // past the re-read interval
        assertTrue(fixture.authenticator.authenticate(token).isPresent());
    }

    @Test
    void twoNodesStartingAtOnceAgreeOnOneCurrentKey() throws Exception {
        try (TokenFixture empty = new TokenFixture(data.resolve("second"), Duration.ofDays(30))) {
            empty.database.dataSource().getConnection().createStatement().execute("DELETE FROM auth_signing_key");
            ExecutorService nodes = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            Callable<String> node = () -> {
                start.await();
                return empty.signingKeys(Duration.ofDays(30), TokenFixture.SECRET).current().kid();
            };
            var started = java.util.stream.Stream.generate(() -> nodes.submit(node)).limit(4).toList();
            start.countDown();
            Set<String> kids = new java.util.HashSet<>();
            for (Future<String> kid : started) {
                kids.add(kid.get());
            }
            nodes.shutdown();
            assertEquals(1, kids.size(), kids.toString());
            assertEquals(1, new JsonWebKeySet(empty.signingKeys(Duration.ofDays(30), TokenFixture.SECRET).jwks()).getJsonWebKeys().size());
        }
    }

    @Test
    void theJwksHoldsPublicKeysOnly() throws Exception {
        String jwks = fixture.keys.jwks();
        var key = new JsonWebKeySet(jwks).getJsonWebKeys().get(0);
        assertEquals(fixture.keys.current().kid(), key.getKeyId());
        assertEquals("RS256", key.getAlgorithm());
        assertEquals("sig", key.getUse());
        for (String privatePart : new String[] {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\""}) {
            assertFalse(jwks.contains(privatePart), jwks);
        }
    }

    @Test
    void storedKeysNeedTheirKeyEncryptionKey() {
        var e = assertThrows(IllegalStateException.class, () -> fixture.signingKeys(Duration.ofMinutes(10), "another-secret-that-is-long-enough-too"));
        assertTrue(e.getMessage().contains("token.key.encryption.secret"), e.getMessage());
    }

    @Test
    void aGeneratedKeyEncryptionKeyIsKeptPrivateAndReused() throws Exception {
        Path file = data.resolve("audotics/token-kek");
        KeyEncryptionKey first = KeyEncryptionKey.resolve("", file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String sealed = first.encrypt(new byte[] {1, 2, 3}, "kid-1");
        assertEquals(3, KeyEncryptionKey.resolve(null, file).decrypt(sealed, "kid-1").length);
        assertThrows(IllegalStateException.class, () -> first.decrypt(sealed, "kid-2"), "bound to its key id");
        assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKey.resolve("too-short", file));
    }

    /** The shipped defaults, with a configured key-encryption secret. */
    private static AuthConfig config() {
        return new AuthConfig() {
            @Override
            public String admin_token() {
                return "";
            }

            @Override
            public String token_issuer() {
                return "audotics";
            }

            @Override
            public int token_access_ttl_seconds() {
                return 3600;
            }

            @Override
            public int token_refresh_ttl_days() {
                return 30;
            }

            @Override
            public int token_key_rotation_days() {
                return 30;
            }

            @Override
            public String token_key_encryption_secret() {
                return TokenFixture.SECRET;
            }

            @Override
            public int password_argon2_memory_kib() {
                return 19456;
            }

            @Override
            public int password_argon2_iterations() {
                return 2;
            }

            @Override
            public int password_argon2_parallelism() {
                return 1;
            }

            @Override
            public int signin_max_failures_per_account() {
                return 10;
            }

            @Override
            public int signin_max_failures_per_address() {
                return 50;
            }

            @Override
            public int signin_window_seconds() {
                return 900;
            }

            @Override
            public int authorize_code_ttl_seconds() {
                return 60;
            }

            @Override
            public int authorize_request_ttl_seconds() {
                return 600;
            }

            @Override
            public String providers() {
                return "";
            }

            @Override
            public String public_base_url() {
                return "";
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AuthConfig.class;
            }
        };
    }

    @Test
    void aDatabaseDownAtActivationOnlyDelaysTheKeysAndTokensAreThenNo401() {
        String issuedBefore = new AccessTokens(fixture.keys, "audotics", 3600, java.time.Clock.systemUTC()).issue("u1", Set.of("user"), Set.of());
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        org.audotics.storage.api.Database flaky = new org.audotics.storage.api.Database() {
            @Override
            public javax.sql.DataSource dataSource() {
                return fixture.database.dataSource();
            }

            @Override
            public boolean embedded() {
                return true;
            }

            @Override
            public void migrate(Class<?> owner, String changelogPath) {
                if (down.get()) {
                    throw new org.audotics.storage.api.StorageException("database down", org.audotics.storage.api.StorageException.Reason.UNAVAILABLE, null);
                }
                fixture.database.migrate(owner, changelogPath);
            }
        };
        SigningKeys keys = new SigningKeys(flaky, config());
        var authenticator = new JwtAuthenticator(new AccessTokens(keys, config()), fixture.revoked, fixture.accounts);
        assertThrows(org.audotics.storage.api.StorageException.class, () -> authenticator.authenticate(issuedBefore),
                "a 503 for the client, not a 401 that would make it drop a good token");
        down.set(false);
        assertTrue(authenticator.authenticate(issuedBefore).isPresent());
    }
}
