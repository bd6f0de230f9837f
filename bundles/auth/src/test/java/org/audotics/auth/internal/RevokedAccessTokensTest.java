package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access-token deny-list: what it refuses, how long an entry lives, and what happens when the cache is down. */
class RevokedAccessTokensTest {

    @TempDir
    Path data;

    private TokenFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TokenFixture(data);
        fixture.accounts.add("u1", "ada@example.com", Set.of("user"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String issue() {
        return fixture.tokens.issue("u1", Set.of("user"), Set.of("user-read-private"));
    }

    @Test
    void aRevokedAccessTokenIsRefusedWhileTheUsersOtherTokensAreNot() {
        String revoked = issue();
        String other = issue();
        fixture.revoked.revoke(fixture.tokens.read(revoked).orElseThrow());
        assertEquals(Optional.empty(), fixture.authenticator.authenticate(revoked));
        assertTrue(fixture.authenticator.authenticate(other).isPresent());
    }

    @Test
    void theDenyListEntryLivesUntilTheTokenWouldExpireAnyway() {
        String token = issue();
        fixture.clock.advance(Duration.ofSeconds(600));
        AccessTokens.Verified verified = fixture.tokens.read(token).orElseThrow();
        fixture.revoked.revoke(verified);
        String key = RevokedAccessTokens.PREFIX + verified.id();
        assertTrue(fixture.cache.values.containsKey(key));
        assertEquals(Duration.ofSeconds(3600 - 600 + AccessTokens.CLOCK_SKEW_SECONDS), fixture.cache.ttls.get(key));
        assertEquals(Map.of(key, fixture.cache.values.get(key)), fixture.cache.values, "one entry, under the token's id only");
    }

    @Test
    void aTokenPastItsExpiryAndSkewNeedsNoEntry() {
        AccessTokens.Verified verified = fixture.tokens.read(issue()).orElseThrow();
        fixture.clock.advance(Duration.ofSeconds(3600 + AccessTokens.CLOCK_SKEW_SECONDS));
        fixture.revoked.revoke(verified);
        assertTrue(fixture.cache.values.isEmpty());
    }

    @Test
    void whileTheCacheIsUnreachableTokensAreAcceptedAndARevocationIsNotRecorded() {
        String revokedBefore = issue();
        fixture.revoked.revoke(fixture.tokens.read(revokedBefore).orElseThrow());
        fixture.cache.down = true;
        assertTrue(fixture.authenticator.authenticate(revokedBefore).isPresent(), "fail open: the deny-list cannot be read");
        String revokedDuring = issue();
        fixture.revoked.revoke(fixture.tokens.read(revokedDuring).orElseThrow());
        fixture.cache.down = false;
        assertFalse(fixture.authenticator.authenticate(revokedBefore).isPresent(), "the entry is back with the cache");
        assertTrue(fixture.authenticator.authenticate(revokedDuring).isPresent(), "nothing was written while it was down");
    }

    @Test
    void revokingARefreshFamilyDeniesEveryAccessTokenIssuedWithItAndNoOther() {
        RefreshTokens.Issued signIn = fixture.refreshTokens.start("u1", Set.of("user-read-private"));
        String first = fixture.tokens.issue("u1", Set.of("user"), Set.of("user-read-private"), signIn.familyId());
        String next = fixture.refreshTokens.rotate(signIn.token()).token();
        String second = fixture.tokens.issue("u1", Set.of("user"), Set.of("user-read-private"), signIn.familyId());
        RefreshTokens.Issued otherSignIn = fixture.refreshTokens.start("u1", Set.of("user-read-private"));
        String other = fixture.tokens.issue("u1", Set.of("user"), Set.of("user-read-private"), otherSignIn.familyId());
        assertTrue(fixture.refreshTokens.revoke(next));
        assertEquals(Optional.empty(), fixture.authenticator.authenticate(first), "an earlier refresh's token");
        assertEquals(Optional.empty(), fixture.authenticator.authenticate(second));
        assertTrue(fixture.authenticator.authenticate(other).isPresent(), "another sign-in of the same user");
        String key = RevokedAccessTokens.FAMILY_PREFIX + signIn.familyId();
        assertEquals(Duration.ofSeconds(3600 + AccessTokens.CLOCK_SKEW_SECONDS), fixture.cache.ttls.get(key),
                "as long as any token of the family could still be valid");
    }

    @Test
    void aReplayedRefreshTokenDeniesTheFamilysAccessTokens() {
        RefreshTokens.Issued signIn = fixture.refreshTokens.start("u1", Set.of());
        String access = fixture.tokens.issue("u1", Set.of("user"), Set.of(), signIn.familyId());
        fixture.refreshTokens.rotate(signIn.token());
        assertTrue(fixture.authenticator.authenticate(access).isPresent());
        assertEquals(RefreshTokens.Outcome.REPLAYED, fixture.refreshTokens.rotate(signIn.token()).outcome());
        assertEquals(Optional.empty(), fixture.authenticator.authenticate(access));
    }
}
