package org.audotics.auth.internal.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingAuthorizationsTest {

    @TempDir
    Path data;

    private AuthorizeFixture fixture;
    private PendingAuthorizations pending;

    @BeforeEach
    void open() throws Exception {
        fixture = new AuthorizeFixture(data);
        pending = new PendingAuthorizations(fixture.database, Duration.ofSeconds(600), fixture.clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRequestIsTakenOnceWithEverythingItHad() {
        AuthorizationRequest request = fixture.request(true, Set.of("user-top-read"), "état & co");
        String id = pending.put(request);
        assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);
        assertNotEquals(id, pending.put(request));
        assertEquals(request, pending.take(id).orElseThrow());
        assertTrue(pending.take(id).isEmpty());
    }

    @Test
    void aRequestWithoutStateOrScopeKeepsThem() {
        AuthorizationRequest request = fixture.request(false, Set.of(), null);
        assertEquals(request, pending.take(pending.put(request)).orElseThrow());
    }

    @Test
    void anExpiredRequestIsGone() {
        String id = pending.put(fixture.request(true, Set.of(), "s"));
        fixture.clock.advance(Duration.ofSeconds(600));
        assertTrue(pending.take(id).isEmpty());
    }

    @Test
    void anUnknownOrMalformedIdIsNothing() {
        pending.put(fixture.request(true, Set.of(), "s"));
        assertTrue(pending.take("A".repeat(43)).isEmpty());
        assertTrue(pending.take("x").isEmpty());
        assertTrue(pending.take(null).isEmpty());
    }
}
