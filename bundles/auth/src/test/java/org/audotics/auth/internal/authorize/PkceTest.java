package org.audotics.auth.internal.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** A pair computed independently (Python: base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()), unpadded). */
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K8TqUagA8ByHkCkvFO9mDkLNXk";
    private static final String CHALLENGE = "8HlodWcFI09tIyXFrpKaV-JFATnXGwddxwkM4OndfH8";

    @Test
    void theChallengeIsTheBase64urlSha256OfTheVerifier() {
        assertEquals(CHALLENGE, Pkce.challenge(VERIFIER));
        assertTrue(Pkce.verifies(VERIFIER, CHALLENGE));
        assertTrue(Pkce.isChallenge(CHALLENGE));
    }

    @Test
    void anotherVerifierOrChallengeDoesNotVerify() {
        assertFalse(Pkce.verifies(VERIFIER.substring(1) + "A", CHALLENGE));
        assertFalse(Pkce.verifies(VERIFIER, CHALLENGE.substring(1) + "A"));
        assertFalse(Pkce.verifies(VERIFIER, null));
        assertFalse(Pkce.verifies(null, CHALLENGE));
        assertFalse(Pkce.verifies(CHALLENGE, CHALLENGE), "plain: the challenge as verifier");
    }

    @Test
    void aVerifierIs43To128UnreservedCharacters() {
        assertTrue(Pkce.isVerifier("a".repeat(43)));
        assertTrue(Pkce.isVerifier("A-._~z09".repeat(16)));
        assertFalse(Pkce.isVerifier("a".repeat(42)));
        assertFalse(Pkce.isVerifier("a".repeat(129)));
        for (String bad : new String[] {"+", "/", "=", " ", "é", "%", "\n"}) {
            assertFalse(Pkce.isVerifier("a".repeat(42) + bad), bad);
            assertFalse(Pkce.verifies("a".repeat(42) + bad, Pkce.challenge("a".repeat(42) + bad)), bad);
        }
        assertFalse(Pkce.isVerifier(null));
        assertFalse(Pkce.isVerifier(""));
    }

    @Test
    void aChallengeIs43Base64urlCharacters() {
        assertFalse(Pkce.isChallenge(CHALLENGE + "="));
        assertFalse(Pkce.isChallenge(CHALLENGE.substring(1)));
        assertFalse(Pkce.isChallenge(CHALLENGE.replace('-', '+')));
        assertFalse(Pkce.isChallenge(null));
    }
}
