package org.audotics.auth.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher owasp = PasswordHasher.owasp();

    @Test
    void hashIsAPhcArgon2idStringNamingOwaspParametersWithAFreshSalt() {
        String first = owasp.hash("correct horse battery staple");
        String second = owasp.hash("correct horse battery staple");
        // 16-byte salt = 22 Base64 characters, 32-byte hash = 43
        assertTrue(first.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second, "a fresh salt per hash");
        assertFalse(first.contains("horse"));
    }

    /**
     * Made with the reference implementation (libargon2 20190702, Debian's libargon2-1, called as
     * {@code argon2id_hash_encoded(t, m, 1, pwd, salt = 00 01 .. 0f, hashlen = 32)}): our hashes are
     * standard PHC strings that other Argon2 libraries read, and theirs verify here.
     */
    @Test
    void hashesEqualTheReferenceImplementationsByteForByte() {
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        String owaspReference = "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU";
        assertEquals(owaspReference, owasp.hash("correct horse battery staple", salt));
        assertTrue(owasp.verify("correct horse battery staple", owaspReference));
        // UTF-8 of the NFC form, at other parameters
        String cheapReference = "$argon2id$v=19$m=7168,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$XbjwccImNv6ubzAivPODKxBNlPO7jSjxbbLRwQvxQQM";
        assertEquals(cheapReference, new PasswordHasher(7168, 1, 1).hash("caf\u00e9 au lait", salt));
        assertTrue(owasp.verify("cafe\u0301 au lait", cheapReference));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = owasp.hash("correct horse battery staple");
        assertTrue(owasp.verify("correct horse battery staple", hash));
        assertFalse(owasp.verify("correct horse battery stapl", hash));
        assertFalse(owasp.verify("Correct horse battery staple", hash));
        assertFalse(owasp.verify("", hash));
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesAndAsksForARehash() {
        String older = new PasswordHasher(7 * 1024, 1, 1).hash("an older password");
        assertTrue(older.contains("$m=7168,t=1,p=1$"), older);
        assertTrue(owasp.verify("an older password", older));
        assertTrue(owasp.needsRehash(older));
        assertFalse(owasp.needsRehash(owasp.hash("an older password")));
    }

    @Test
    void theSamePasswordInAnotherUnicodeNormalFormMatches() {
        String composed = "caf\u00e9 au lait";
        String decomposed = "cafe\u0301 au lait";
        assertTrue(owasp.verify(decomposed, owasp.hash(composed)));
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertFalse(owasp.verify("password", "plaintext"));
        assertFalse(owasp.verify("password", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA"));
        assertTrue(owasp.needsRehash("plaintext"));
    }

    @Test
    void parametersWeakerThanOwaspsLowestAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(4096, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 2, 0));
    }
}
