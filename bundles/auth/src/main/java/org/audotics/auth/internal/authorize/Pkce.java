package org.audotics.auth.internal.authorize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange (RFC 7636) with the {@code S256} method only: {@code plain} would let whoever
 * reads the authorization request (the challenge is the verifier then) redeem the code, so it is refused.
 * A verifier is 43 to 128 characters of the unreserved set {@code [A-Za-z0-9-._~]} (section 4.1); an
 * {@code S256} challenge is the unpadded base64url SHA-256 of the verifier's ASCII bytes, 43 characters
 * (section 4.2).
 */
public final class Pkce {

    /** The only {@code code_challenge_method} accepted. */
    public static final String S256 = "S256";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    /** Whether the text is a well-formed {@code code_verifier}; null is not. */
    public static boolean isVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /** Whether the text can be an {@code S256} {@code code_challenge}; null is not. */
    public static boolean isChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** The {@code S256} challenge of a verifier: base64url(SHA-256(ASCII(verifier))), without padding. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether the verifier is well-formed and its challenge equals the stored one (compared in constant time). */
    public static boolean verifies(String verifier, String challenge) {
        return isVerifier(verifier) && challenge != null && MessageDigest.isEqual(
                challenge(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
