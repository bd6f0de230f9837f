package org.audotics.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.audotics.auth.api.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenAuthenticatorTest {

    @TempDir
    Path data;

    @Test
    void configuredTokenGrantsAdmin() {
        var authenticator = new AdminTokenAuthenticator("a-configured-token-of-enough-length", data.resolve("t"));
        var user = authenticator.authenticate("a-configured-token-of-enough-length").orElseThrow();
        assertTrue(user.hasRole(Roles.ADMIN));
        assertEquals(Optional.empty(), authenticator.authenticate("a-configured-token-of-enough-lengtX"));
        assertEquals(Optional.empty(), authenticator.authenticate(""));
    }

    @Test
    void generatesATokenOnceAndKeepsItPrivate() throws Exception {
        Path file = data.resolve("audotics/admin-token");
        new AdminTokenAuthenticator("", file);
        String token = Files.readString(file).strip();
        assertTrue(token.length() >= 40, token);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        var second = new AdminTokenAuthenticator(null, file);
        assertEquals(token, Files.readString(file).strip());
        assertTrue(second.authenticate(token).isPresent());
    }

    @Test
    void refusesAShortConfiguredToken() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AdminTokenAuthenticator("short", data.resolve("t")));
        assertTrue(e.getMessage().contains("at least 24"));
    }
}
