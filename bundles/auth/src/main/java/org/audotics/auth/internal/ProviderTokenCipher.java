package org.audotics.auth.internal;

import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Seals the tokens another provider gave us (its access and refresh tokens) for the database: AES-256-GCM
 * under the same key-encryption key as the signing keys ({@code token.key.encryption.secret} or
 * {@code data/audotics/token-kek}), with a context (provider, subject, which token) as associated data, so
 * a ciphertext copied to another row does not open. Taken from {@link SigningKeys} rather than resolved
 * again, so a first start cannot generate two different secrets. Thread-safe.
 */
@Component(service = ProviderTokenCipher.class)
public final class ProviderTokenCipher {

    private final KeyEncryptionKey key;

    @Activate
    public ProviderTokenCipher(@Reference SigningKeys keys) {
        this(keys.keyEncryptionKey());
    }

    ProviderTokenCipher(KeyEncryptionKey key) {
        this.key = key;
    }

    /** A cipher under a key made from {@code secret}, for tests. */
    public static ProviderTokenCipher forSecret(String secret) {
        return new ProviderTokenCipher(KeyEncryptionKey.of(secret));
    }

    /** @return base64url(nonce || ciphertext and tag) */
    public String seal(String token, String context) {
        return key.encrypt(token.getBytes(StandardCharsets.UTF_8), context);
    }

    /** @throws IllegalStateException when it was sealed under another key or for another context */
    public String open(String sealed, String context) {
        try {
            return new String(key.decrypt(sealed, context), StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("a stored provider token cannot be decrypted: the key-encryption secret is not the one it was"
                    + " stored with, or the row was altered");
        }
    }
}
