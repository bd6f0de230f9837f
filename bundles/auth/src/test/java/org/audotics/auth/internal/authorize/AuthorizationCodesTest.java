package org.audotics.auth.internal.authorize;

import static org.audotics.auth.internal.authorize.AuthorizeFixture.REDIRECT;
import static org.audotics.auth.internal.authorize.AuthorizeFixture.VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.audotics.auth.internal.authorize.AuthorizationCodes.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorization codes on a real embedded database: single use, lifetime, and what each one is bound to. */
class AuthorizationCodesTest {

    @TempDir
    Path data;

    private AuthorizeFixture fixture;
    private AuthorizationCodes codes;
    private String clientId;

    @BeforeEach
    void open() throws Exception {
        fixture = new AuthorizeFixture(data);
        codes = new AuthorizationCodes(fixture.database, Duration.ofSeconds(60), fixture.clock);
        clientId = fixture.app.app().clientId();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String issue(boolean redirectGiven) {
        return codes.issue(fixture.request(redirectGiven, Set.of("user-read-private", "user-top-read"), "s"), "u1");
    }

    @Test
    void aCodeIsRedeemedOnceAndItsReplayAnswersWhatTheFirstRedemptionIssued() {
        String code = issue(true);
        assertTrue(code.matches("[A-Za-z0-9_-]{43}"), code);
        AuthorizationCodes.Redemption first = codes.redeem(code, clientId, REDIRECT, VERIFIER, "family-1");
        assertEquals(Outcome.GRANTED, first.outcome());
        assertEquals("u1", first.userId());
        assertEquals(Set.of("user-read-private", "user-top-read"), first.scopes());
        Instant expires = Instant.parse("2026-03-01T13:00:00Z");
        codes.issued(code, "jti-1", expires);

        AuthorizationCodes.Redemption replay = codes.redeem(code, clientId, REDIRECT, VERIFIER, "family-2");
        assertEquals(Outcome.REPLAYED, replay.outcome());
        assertEquals("family-1", replay.familyId());
        assertEquals("jti-1", replay.accessTokenId());
        assertEquals(expires, replay.accessTokenExpires());
        assertEquals(Set.of(), replay.scopes(), "a replay grants nothing");
        assertEquals(Outcome.REPLAYED, codes.redeem(code, clientId, REDIRECT, VERIFIER, "family-3").outcome());
    }

    @Test
    void aReplayWhileTheFirstRedemptionIssuesItsTokensIsRecordedForIt() {
        String code = issue(true);
        assertEquals(Outcome.GRANTED, codes.redeem(code, clientId, REDIRECT, VERIFIER, "family-1").outcome());
        assertFalse(codes.replayed(code));
        AuthorizationCodes.Redemption replay = codes.redeem(code, clientId, REDIRECT, VERIFIER, "family-2");
        assertEquals("family-1", replay.familyId());
        assertNull(replay.accessTokenId(), "the first redemption had not recorded its token yet");
        assertTrue(codes.replayed(code), "so the first redemption revokes its own tokens");
    }

    @Test
    void theCodeIsStoredOnlyAsItsHash() throws Exception {
        String code = issue(true);
        try (Connection connection = fixture.database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT code_hash FROM auth_authorization_code");
                ResultSet row = select.executeQuery()) {
            assertTrue(row.next());
            assertFalse(row.getString(1).contains(code));
            assertEquals(64, row.getString(1).length());
        }
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = issue(true);
        fixture.clock.advance(Duration.ofSeconds(60));
        assertEquals(Outcome.EXPIRED, codes.redeem(code, clientId, REDIRECT, VERIFIER, "f").outcome());
    }

    @Test
    void aCodeJustBeforeItsEndIsGranted() {
        String code = issue(true);
        fixture.clock.advance(Duration.ofSeconds(59));
        assertEquals(Outcome.GRANTED, codes.redeem(code, clientId, REDIRECT, VERIFIER, "f").outcome());
    }

    @Test
    void aWrongClientRedirectUriOrVerifierIsRefusedAndSpendsTheCode() {
        String code = issue(true);
        assertEquals(Outcome.WRONG_CLIENT, codes.redeem(code, "BBBBBBBBBBBBBBBBBBBBBB", REDIRECT, VERIFIER, "f").outcome());
        assertEquals(Outcome.REPLAYED, codes.redeem(code, clientId, REDIRECT, VERIFIER, "f").outcome());
        AuthorizationCodes.Redemption replay = codes.redeem(code, clientId, REDIRECT, VERIFIER, "f");
        assertNull(replay.familyId(), "nothing was issued for a refused redemption");

        code = issue(true);
        assertEquals(Outcome.WRONG_REDIRECT_URI, codes.redeem(code, clientId, "http://127.0.0.1:8000/cb", VERIFIER, "f").outcome());
        code = issue(true);
        assertEquals(Outcome.WRONG_REDIRECT_URI, codes.redeem(code, clientId, null, VERIFIER, "f").outcome(), "given then, required now");
        code = issue(true);
        assertEquals(Outcome.WRONG_VERIFIER, codes.redeem(code, clientId, REDIRECT, "a".repeat(43), "f").outcome());
        assertEquals(Outcome.REPLAYED, codes.redeem(code, clientId, REDIRECT, VERIFIER, "f").outcome());
    }

    @Test
    void withoutRedirectUriInTheRequestTheTokenRequestMayOmitItOrSendTheSameOne() {
        assertEquals(Outcome.GRANTED, codes.redeem(issue(false), clientId, null, VERIFIER, "f").outcome());
        assertEquals(Outcome.GRANTED, codes.redeem(issue(false), clientId, REDIRECT, VERIFIER, "f").outcome());
        assertEquals(Outcome.WRONG_REDIRECT_URI, codes.redeem(issue(false), clientId, "http://127.0.0.1:8000/cb", VERIFIER, "f").outcome());
    }

    @Test
    void anUnknownOrMalformedCodeIsUnknown() {
        issue(true);
        assertEquals(Outcome.UNKNOWN, codes.redeem("A".repeat(43), clientId, REDIRECT, VERIFIER, "f").outcome());
        assertEquals(Outcome.UNKNOWN, codes.redeem("not a code", clientId, REDIRECT, VERIFIER, "f").outcome());
        assertEquals(Outcome.UNKNOWN, codes.redeem("", clientId, REDIRECT, VERIFIER, "f").outcome());
    }

    @Test
    void codesGoADayAfterTheyExpire() throws Exception {
        String old = issue(true);
        fixture.clock.advance(Duration.ofDays(1).plusMinutes(2));
        issue(true);
        assertEquals(Outcome.UNKNOWN, codes.redeem(old, clientId, REDIRECT, VERIFIER, "f").outcome());
    }

    @Test
    void theLifetimeIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationCodes(fixture.database, Duration.ofSeconds(601), fixture.clock));
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationCodes(fixture.database, Duration.ZERO, fixture.clock));
    }
}
