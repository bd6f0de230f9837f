package org.audotics.auth.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** States on the storage bundle's real embedded database, with a clock the test moves. */
class SignInStatesTest {

    /** A clock the test moves. */
    static final class MovableClock extends java.time.Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @TempDir
    Path data;
    private PooledDatabase database;
    private final MovableClock clock = new MovableClock();
    private SignInStates states;
    private final SignInStates.Pending pending = new SignInStates.Pending("spotify", "verifier-123", null, "https://me.example/v1/auth/oauth/spotify/callback");

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        states = new SignInStates(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStateIsTakenOnce() {
        String state = states.start(pending);
        assertTrue(state.matches("[A-Za-z0-9_-]{43}"), state);
        assertEquals(pending, states.take("spotify", state).orElseThrow());
        assertTrue(states.take("spotify", state).isEmpty(), "a replay");
    }

    @Test
    void eachSignInGetsItsOwnState() {
        assertNotEquals(states.start(pending), states.start(pending));
    }

    @Test
    void anExpiredStateIsRefusedAndCleanedUp() throws Exception {
        String state = states.start(pending);
        clock.advance(SignInStates.LIFETIME.plusSeconds(1));
        assertTrue(states.take("spotify", state).isEmpty());
        String old = states.start(pending);
        clock.advance(SignInStates.LIFETIME.plusSeconds(1));
        states.start(pending); // deletes the expired rows
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM auth_provider_state")) {
            rows.next();
            assertEquals(1, rows.getLong(1));
        }
        assertTrue(states.take("spotify", old).isEmpty());
    }

    @Test
    void aStateOfAnotherProviderIsRefusedAndUsedUp() {
        String state = states.start(pending);
        assertTrue(states.take("google", state).isEmpty());
        assertTrue(states.take("spotify", state).isEmpty(), "one try only");
    }

    @Test
    void unknownAndMalformedStatesAreRefused() {
        assertTrue(states.take("spotify", "never-issued").isEmpty());
        assertTrue(states.take("spotify", "").isEmpty());
        assertTrue(states.take("spotify", null).isEmpty());
        assertTrue(states.take("spotify", "x".repeat(10_000)).isEmpty());
    }

    @Test
    void theChallengeIsRfc7636sS256() {
        // RFC 7636 appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", SignInStates.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
