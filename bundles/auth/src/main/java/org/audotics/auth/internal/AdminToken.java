package org.audotics.auth.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operator's bearer token: configured, or generated once and kept in a {@link SecretFile}, so a first
 * start needs no configuration and the secret never appears in a log.
 */
final class AdminToken {

    static final int MIN_LENGTH = 24;

    private AdminToken() {
    }

    /**
     * @param configured the configured token, or blank
     * @param file       where a generated token is kept
     * @throws IllegalArgumentException when the configured token is shorter than {@value #MIN_LENGTH}
     */
    static String resolve(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            String token = configured.strip();
            if (token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("admin.token must be at least " + MIN_LENGTH + " characters");
            }
            return token;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            return generate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the admin token file " + file, e);
        }
    }

    /** Writes 32 random bytes, base64url, into {@code file} (owner-readable only) and returns them. */
    static String generate(Path file) throws IOException {
        String token = SecretFile.random();
        SecretFile.write(file, token);
        return token;
    }
}
