package org.audotics.auth.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token issuer's RS256 keys, kept in the shared database so that every node and every restart signs
 * and verifies with the same keys. The newest key signs; it and the one before it are published (JWKS) and
 * accepted, so a token signed just before a rotation stays valid until it expires (the rotation period is
 * at least a day, an access token lives at most a day).
 *
 * <p>A key is created on first start and whenever the newest is older than the rotation period; two nodes
 * doing so at once insert the same generation and the database keeps one (see {@link SigningKeyStore}).
 * A token with a key id this node does not know makes it re-read the keys, at most once a second, so a key
 * another node just created is accepted here too.
 *
 * <p>The keys are read on activation; when the database is unreachable then, they are read on first use
 * (tokens meanwhile answer 503 through the storage exception), so the component need not be restarted.
 * A key-encryption key that cannot decrypt the stored keys fails the activation. Thread-safe.
 */
@Component(service = SigningKeys.class, configurationPid = AuthConfig.PID)
public final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final int KEY_BITS = 2048;
    private static final long RELOAD_INTERVAL_MS = 1000;

    /** The signing key and the keys accepted, by kid (newest first). */
    private record Ring(SigningKey current, Map<String, SigningKey> accepted) {
    }

    private final SigningKeyStore store;
    private final KeyEncryptionKey encryption;
    private final Duration rotation;
    private final Clock clock;
    /** Null until the keys were first read. */
    private volatile Ring ring;
    private volatile long lastReload;

    @Activate
    public SigningKeys(@Reference Database database, AuthConfig config) {
        this(new SigningKeyStore(database), KeyEncryptionKey.resolve(config.token_key_encryption_secret(), kekFile()),
                Duration.ofDays(config.token_key_rotation_days()), Clock.systemUTC(), false);
        try {
            LOG.info("Token signing key {} (rotated every {} days)", current().kid(), config.token_key_rotation_days());
        } catch (StorageException e) {
            LOG.warn("Token signing keys not read yet ({}); reading them on first use", e.getMessage());
        }
    }

    SigningKeys(SigningKeyStore store, KeyEncryptionKey encryption, Duration rotation, Clock clock) {
        this(store, encryption, rotation, clock, true);
    }

    private SigningKeys(SigningKeyStore store, KeyEncryptionKey encryption, Duration rotation, Clock clock, boolean readNow) {
        if (rotation.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("token.key.rotation.days must be at least 1");
        }
        this.store = store;
        this.encryption = encryption;
        this.rotation = rotation;
        this.clock = clock;
        if (readNow) {
            ring();
        }
    }

    /** The key-encryption key the private halves are stored under; {@link ProviderTokenCipher} seals provider tokens with it too. */
    KeyEncryptionKey keyEncryptionKey() {
        return encryption;
    }

    /** The keys, read (and a first key created) now if they have not been yet. */
    private Ring ring() {
        Ring now = ring;
        if (now == null) {
            synchronized (this) {
                if (ring == null) {
                    ring = rotateIfDue(read());
                }
                now = ring;
            }
        }
        return now;
    }

    /** The key new tokens are signed with; rotates first when the current one is due. */
    SigningKey current() {
        Ring now = ring();
        if (due(now.current())) {
            synchronized (this) {
                ring = rotateIfDue(read());
                now = ring;
            }
        }
        return now.current();
    }

    /** The public key of an accepted key id, re-reading the database (at most once a second) for an unknown one. */
    Optional<PublicKey> verificationKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        SigningKey key = ring().accepted().get(kid);
        if (key == null && clock.millis() - lastReload >= RELOAD_INTERVAL_MS) {
            synchronized (this) {
                if (clock.millis() - lastReload >= RELOAD_INTERVAL_MS) {
                    ring = read();
                }
            }
            key = ring.accepted().get(kid);
        }
        return Optional.ofNullable(key).map(accepted -> accepted.publicJwk().getPublicKey());
    }

    /** The accepted public keys as a JSON Web Key Set (RFC 7517), newest first; no private part. */
    String jwks() {
        JsonWebKeySet set = new JsonWebKeySet(ring().accepted().values().stream().map(key -> (JsonWebKey) key.publicJwk()).toList());
        return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private boolean due(SigningKey key) {
        return key == null || clock.millis() - key.createdAt() >= rotation.toMillis();
    }

    private Ring rotateIfDue(Ring found) {
        if (!due(found.current())) {
            return found;
        }
        int generation = found.current() == null ? 1 : found.current().generation() + 1;
        SigningKeyStore.Row created = generate(generation);
        if (store.insertIfAbsent(created)) {
            LOG.info("Created token signing key {} (generation {})", created.kid(), generation);
        }
        // inserted, or another node inserted this generation first: either way the database has the answer
        return read();
    }

    private Ring read() {
        List<SigningKeyStore.Row> rows = store.newest(2);
        lastReload = clock.millis();
        if (rows.isEmpty()) {
            return new Ring(null, Map.of());
        }
        Map<String, SigningKey> accepted = new LinkedHashMap<>();
        SigningKey current = null;
        for (SigningKeyStore.Row row : rows) {
            SigningKey key = current == null ? withPrivateKey(row) : publicOnly(row);
            if (current == null) {
                current = key;
            }
            accepted.put(key.kid(), key);
        }
        return new Ring(current, Map.copyOf(accepted));
    }

    private SigningKeyStore.Row generate(int generation) {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(KEY_BITS);
            String kid = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return new SigningKeyStore.Row(kid, generation, jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    encryption.encrypt(jwk.getPrivateKey().getEncoded(), kid), clock.millis());
        } catch (JoseException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    private SigningKey publicOnly(SigningKeyStore.Row row) {
        try {
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(row.publicJwk());
            return new SigningKey(row.kid(), row.generation(), row.createdAt(), jwk, null);
        } catch (JoseException | ClassCastException e) {
            throw new IllegalStateException("stored signing key " + row.kid() + " is not an RSA public JWK", e);
        }
    }

    private SigningKey withPrivateKey(SigningKeyStore.Row row) {
        SigningKey key = publicOnly(row);
        byte[] pkcs8 = encryption.decrypt(row.encryptedPrivateKey(), row.kid());
        try {
            return new SigningKey(key.kid(), key.generation(), key.createdAt(), key.publicJwk(),
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + row.kid() + " has no valid RSA private key", e);
        }
    }

    private static Path kekFile() {
        return Path.of(System.getProperty("karaf.data", "data"), "audotics", "token-kek");
    }
}
