package org.audotics.auth.internal.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle), encoded in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded Base64): every hash carries its own
 * parameters, so raising them later leaves older hashes verifiable (and {@link #needsRehash} tells when to
 * replace one). A random 16-byte salt per password; a 32-byte hash. Passwords are normalised to Unicode
 * NFC first (RFC 8265's OpaqueString), so the same password typed on two keyboards matches.
 *
 * <p>Not final only so a test can count the work done ({@code DefaultAccountServiceTest}).
 *
 * <p>Each hash holds {@code memoryKib} of memory for its duration; at most one hash per processor runs
 * at a time (more would only queue for CPU), which bounds the memory a burst of sign-ins can take.
 */
public class PasswordHasher {

    /** OWASP's first choice for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final int OWASP_MEMORY_KIB = 19 * 1024;
    public static final int OWASP_ITERATIONS = 2;
    public static final int OWASP_PARALLELISM = 1;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    /**
     * @throws IllegalArgumentException when the parameters are below OWASP's lowest recommendation
     *                                  (7 MiB, 1 iteration) or above what is sensible (1 GiB, 100 iterations, 16 lanes)
     */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 7 * 1024 || memoryKib > 1024 * 1024 || iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 16
                || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static PasswordHasher owasp() {
        return new PasswordHasher(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM);
    }

    /** @return the PHC-encoded Argon2id hash of the password with a fresh salt and this hasher's parameters */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt);
    }

    /** With a given salt: for comparing with the reference implementation only. */
    String hash(String password, byte[] salt) {
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + BASE64.encodeToString(salt) + "$"
                + BASE64.encodeToString(hash);
    }

    /**
     * @param encoded a hash made by {@link #hash}, with whatever parameters it was made with
     * @return whether the password matches (compared in constant time); false for a malformed hash
     */
    public boolean verify(String password, String encoded) {
        Matcher parts = ENCODED.matcher(encoded);
        if (!parts.matches()) {
            return false;
        }
        byte[] expected = DECODE.decode(parts.group(5));
        byte[] actual = argon2(password, DECODE.decode(parts.group(4)), Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                Integer.parseInt(parts.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** @return true when the hash was made with other parameters than this hasher's (or is not ours) */
    public boolean needsRehash(String encoded) {
        Matcher parts = ENCODED.matcher(encoded);
        return !parts.matches() || Integer.parseInt(parts.group(1)) != memoryKib || Integer.parseInt(parts.group(2)) != iterations
                || Integer.parseInt(parts.group(3)) != parallelism;
    }

    private byte[] argon2(String password, byte[] salt, int memory, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(secret, out);
        } finally {
            running.release();
            java.util.Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
