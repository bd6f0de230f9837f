package org.audotics.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated secret kept in a file only the server's user can read (the admin token, the first-start
 * admin's password), so a first start needs no configuration and the secret never appears in a log.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** @return 32 random bytes, base64url without padding (43 characters) */
    public static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Writes {@code secret} and a newline into {@code file}, owner-readable only ({@code rw-------}),
     * through a temporary file moved into place, so a reader never sees a half-written secret.
     */
    public static void write(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The folder the server keeps its generated files in: {@code data/audotics} under Karaf's data folder. */
    public static Path inDataFolder(String name) {
        return Path.of(System.getProperty("karaf.data", "data"), "audotics", name);
    }
}
