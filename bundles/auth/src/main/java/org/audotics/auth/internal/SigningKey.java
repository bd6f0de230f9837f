package org.audotics.auth.internal;

import java.security.PrivateKey;
import java.util.Objects;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * One RS256 key pair of the token issuer.
 *
 * @param kid        the key id, the RFC 7638 thumbprint of the public key (base64url SHA-256)
 * @param generation 1 for the first key, one more for each rotation
 * @param createdAt  epoch ms
 * @param publicJwk  the public half, with {@code kid}, {@code use=sig} and {@code alg=RS256}
 * @param privateKey the private half, or null for a key this node only verifies with (the previous key)
 */
record SigningKey(String kid, int generation, long createdAt, RsaJsonWebKey publicJwk, PrivateKey privateKey) {

    SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicJwk, "publicJwk");
    }
}
