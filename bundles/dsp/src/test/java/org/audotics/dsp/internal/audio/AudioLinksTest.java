package org.audotics.dsp.internal.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AudioLinksTest {

    private static final long NOW = 1_800_000_000_000L;
    private final AudioLinks links = new AudioLinks(() -> "a key of thirty-two bytes, test!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aLinkOpensItsTrackUntilItExpires() {
        AudioLinks.Signed signed = links.sign("track-1", NOW);
        assertEquals((NOW + AudioLinks.LIFETIME.toMillis()) / 1000, signed.expires());
        String expires = Long.toString(signed.expires());
        assertTrue(links.valid("track-1", expires, signed.signature(), NOW));
        assertTrue(links.valid("track-1", expires, signed.signature(), signed.expires() * 1000 - 1));
        assertFalse(links.valid("track-1", expires, signed.signature(), signed.expires() * 1000), "expired");
        assertFalse(links.valid("track-2", expires, signed.signature(), NOW), "another track");
    }

    @Test
    void aChangedOrMalformedLinkOpensNothing() {
        AudioLinks.Signed signed = links.sign("track-1", NOW);
        String expires = Long.toString(signed.expires());
        assertFalse(links.valid("track-1", Long.toString(signed.expires() + 60), signed.signature(), NOW), "a later expiry is not signed");
        assertFalse(links.valid("track-1", expires, signed.signature().substring(1), NOW));
        assertFalse(links.valid("track-1", expires, null, NOW));
        assertFalse(links.valid("track-1", null, signed.signature(), NOW));
        assertFalse(links.valid("track-1", "-5", signed.signature(), NOW));
        assertFalse(links.valid("track-1", "99999999999999999999", signed.signature(), NOW));
        assertFalse(links.valid("track-1", expires, "x".repeat(100), NOW));
        AudioLinks other = new AudioLinks(() -> "another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
        assertFalse(other.valid("track-1", expires, signed.signature(), NOW), "another server's key");
    }

    @Test
    void aLinkThatClaimsToLastLongerThanTheLifetimeIsRefused() {
        // a far expiry could only come from a key that leaked or a changed lifetime: refused either way
        AudioLinks.Signed later = links.sign("track-1", NOW + AudioLinks.LIFETIME.toMillis() * 2);
        assertFalse(links.valid("track-1", Long.toString(later.expires()), later.signature(), NOW));
    }
}
