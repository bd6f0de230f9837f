package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;
import org.audotics.auth.internal.RefreshTokens.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh-token families on a real embedded database. */
class RefreshTokensTest {

    @TempDir
    Path data;

    private TokenFixture fixture;
    private RefreshTokens tokens;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data);
        tokens = fixture.refreshTokens;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyUseReplacesTheTokenWithANewOneOfTheSameFamily() {
        String first = tokens.issue("u1", Set.of("user-read-private"));
        RefreshTokens.Rotation second = tokens.rotate(first);
        assertEquals(Outcome.ROTATED, second.outcome());
        assertNotEquals(first, second.token());
        assertEquals("u1", second.userId());
        assertEquals(Set.of("user-read-private"), second.scopes());
        RefreshTokens.Rotation third = tokens.rotate(second.token());
        assertEquals(Outcome.ROTATED, third.outcome());
        assertEquals(second.familyId(), third.familyId());
    }

    @Test
    void aReplayedTokenRevokesItsWholeFamily() {
        String stolen = tokens.issue("u1", Set.of());
        String ownersNext = tokens.rotate(stolen).token();
        assertEquals(Outcome.REPLAYED, tokens.rotate(stolen).outcome());
        assertEquals(Outcome.REVOKED, tokens.rotate(ownersNext).outcome(), "the family's newest token is refused too");
        String otherSignIn = tokens.issue("u1", Set.of());
        assertEquals(Outcome.ROTATED, tokens.rotate(otherSignIn).outcome(), "another family of the same user is untouched");
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertEquals(Outcome.UNKNOWN, tokens.rotate("not-a-token-of-ours").outcome());
        assertEquals(Outcome.UNKNOWN, tokens.rotate("").outcome());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue("u1", Set.of());
        fixture.clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertEquals(Outcome.EXPIRED, tokens.rotate(token).outcome());
    }

    @Test
    void aRevokedTokenIsRefusedAndRevokingAnUnknownOneChangesNothing() {
        String token = tokens.issue("u1", Set.of());
        assertTrue(tokens.revoke(token));
        assertEquals(Outcome.REVOKED, tokens.rotate(token).outcome());
        assertFalse(tokens.revoke("never-issued"));
    }

    @Test
    void aRevocationOnOneNodeIsHonouredByAnotherOverTheSameDatabase() {
        String token = tokens.issue("u1", Set.of());
        RefreshTokens otherNode = new RefreshTokens(fixture.database, Duration.ofDays(30), fixture.clock, fixture.revoked);
        assertTrue(otherNode.revoke(token));
        assertEquals(Outcome.REVOKED, tokens.rotate(token).outcome());
    }

    @Test
    void onlyTheHashOfATokenIsStored() throws Exception {
        String token = tokens.issue("u1", Set.of());
        try (var connection = fixture.database.dataSource().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT token_hash FROM auth_refresh_token")) {
            assertTrue(rows.next());
            assertEquals(RefreshTokens.hash(token), rows.getString(1));
            assertFalse(rows.getString(1).contains(token));
        }
    }
}
