package org.audotics.auth.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the signing keys' private halves at rest: AES-256-GCM with a random 96-bit nonce, the key id
 * as associated data (a ciphertext moved to another key's row does not decrypt). The AES key is the
 * SHA-256 of the configured secret, or of a secret generated once into {@code data/audotics/token-kek}
 * (owner-readable only), as the admin token is.
 */
final class KeyEncryptionKey {

    static final int MIN_SECRET_LENGTH = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private KeyEncryptionKey(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static KeyEncryptionKey of(String secret) {
        return new KeyEncryptionKey(secret);
    }

    /**
     * @param configured the configured secret, or blank
     * @param file       where a generated secret is kept
     * @throws IllegalArgumentException when the configured secret is shorter than {@value #MIN_SECRET_LENGTH}
     */
    static KeyEncryptionKey resolve(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            String secret = configured.strip();
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("token.key.encryption.secret must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            return new KeyEncryptionKey(secret);
        }
        try {
            String secret = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : AdminToken.generate(file);
            return new KeyEncryptionKey(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the key-encryption key file " + file, e);
        }
    }

    /** @return base64url(nonce || ciphertext and tag) */
    String encrypt(byte[] plain, String keyId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the text was not encrypted with this key for this key id */
    byte[] decrypt(String sealed, String keyId) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the private half of signing key " + keyId + " cannot be decrypted: the key-encryption"
                    + " secret (token.key.encryption.secret, or data/audotics/token-kek) is not the one it was stored with");
        }
    }
}
