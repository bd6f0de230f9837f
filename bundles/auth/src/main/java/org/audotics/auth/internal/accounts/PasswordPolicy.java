package org.audotics.auth.internal.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B's rules, not composition rules): 8 to 256 characters (code
 * points, so an emoji counts once), not one of the most commonly breached passwords (a list shipped with
 * the bundle, compared ignoring letter case), and not the account's own email.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list shipped in this bundle. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the auth bundle");
            }
            Set<String> words = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read common-passwords.txt", e);
        }
    }

    /**
     * @param email the account's email, lower-cased
     * @return the rule the password breaks, worded for the client, or empty when it is acceptable
     */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("field 'password' is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password must be at most " + MAX_LENGTH + " characters long");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("password is one of the most commonly used passwords; choose another");
        }
        if (folded.equals(email)) {
            return Optional.of("password must not be the email address");
        }
        return Optional.empty();
    }
}
