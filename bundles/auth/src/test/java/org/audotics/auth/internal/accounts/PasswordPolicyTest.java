package org.audotics.auth.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private Optional<String> check(String password) {
        return policy.problem(password, "ada@example.org");
    }

    @Test
    void eightToTwoHundredFiftySixCharactersAreAccepted() {
        assertEquals(Optional.of("password must be at least 8 characters long"), check("7chars!"));
        assertEquals(Optional.empty(), check("8 chars!"));
        assertEquals(Optional.empty(), check("x".repeat(256)));
        assertEquals(Optional.of("password must be at most 256 characters long"), check("x".repeat(257)));
        assertEquals(Optional.of("field 'password' is required"), check(""));
        assertEquals(Optional.of("field 'password' is required"), check(null));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String fourEmoji = "\uD83C\uDFB5".repeat(4); // four musical notes: 8 UTF-16 units, 4 characters
        assertEquals(Optional.of("password must be at least 8 characters long"), check(fourEmoji));
        assertEquals(Optional.empty(), check("\uD83C\uDFB5".repeat(8)));
        assertEquals(Optional.empty(), check("\uD83C\uDFB5".repeat(256)));
    }

    @Test
    void commonlyBreachedPasswordsAreRefusedInAnyLetterCase() {
        for (String common : new String[] {"password", "PassWord1", "12345678", "qwertyuiop", "iloveyou", "1q2w3e4r"}) {
            assertEquals(Optional.of("password is one of the most commonly used passwords; choose another"), check(common), common);
        }
        assertEquals(Optional.empty(), check("a tune only I hum"));
    }

    @Test
    void theEmailIsNoPassword() {
        assertEquals(Optional.of("password must not be the email address"), check("Ada@Example.org"));
    }

    @Test
    void theShippedListHoldsOnlyPasswordsLongEnoughToPassTheLengthRule() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            var lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertTrue(lines.size() >= 100, "lines: " + lines.size());
            lines.forEach(line -> assertTrue(line.length() >= PasswordPolicy.MIN_LENGTH, line));
        }
    }
}
