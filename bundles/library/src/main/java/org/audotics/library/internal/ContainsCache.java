package org.audotics.library.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.audotics.cache.api.Cache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The answers of {@code GET /v1/me/tracks/contains}, {@code /v1/me/albums/contains} and {@code /v1/me/following/contains}
 * in the shared cache (Redis when configured), keyed by the user's <em>generation</em>: a random value under
 * {@code library:contains-gen:<user>} that every write of the user's saved items or follows replaces after its commit and
 * before it answers. An answer is cached under the generation read <em>before</em> the database was read, so:
 * <ul>
 * <li>a read that began before a write's new generation was stored caches under the old generation, which no later read
 *     uses;</li>
 * <li>a read that sees the new generation reads the database after the write's commit.</li>
 * </ul>
 * A client therefore never reads an older answer after a write's 2xx, on any node. A user without a generation (none yet,
 * or expired) gets a fresh random one; randomness, not a counter, so a generation that expired and is made again can
 * never meet answers cached under an earlier one.
 *
 * <p>Limit: the cache is best effort ({@link Cache}): a write whose node cannot reach Redis while the readers' nodes can
 * leaves the old generation in place, and those readers may see the old answer until it expires
 * ({@code contains.cache.seconds}).
 */
/* configured by LibraryConfig, which DefaultPlaylistService designates for the PID */
@Component(service = ContainsCache.class, configurationPid = LibraryConfig.PID)
public final class ContainsCache {

    private static final String GENERATION = "library:contains-gen:";
    private static final String ANSWER = "library:contains:";
    /** Longer than any answer lives, so an answer never outlives the generation it was cached under by much. */
    private static final Duration GENERATION_TTL = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache cache;
    private final Duration ttl;

    @Activate
    public ContainsCache(@Reference Cache cache, LibraryConfig config) {
        this(cache, Duration.ofSeconds(Math.max(0, config.contains_cache_seconds())));
    }

    /** @param cache null or a zero {@code ttl} turn caching off (every read goes to the database) */
    public ContainsCache(Cache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    /** Off: every read goes to the database (tests, and {@code contains.cache.seconds = 0}). */
    public static ContainsCache off() {
        return new ContainsCache(null, Duration.ZERO);
    }

    boolean enabled() {
        return cache != null && !ttl.isZero();
    }

    /**
     * The answer for these ids of this kind, from the cache, or read by {@code source} (the database) and cached.
     *
     * @param kind {@code "track"}, {@code "album"}, {@code "artist"} or {@code "user"}
     */
    public List<Boolean> contains(String userId, String kind, List<String> ids, Supplier<List<Boolean>> source) {
        if (!enabled()) {
            return source.get();
        }
        String generation = generation(userId);
        String key = ANSWER + userId + ":" + generation + ":" + kind + ":" + digest(ids);
        Optional<List<Boolean>> cached = cache.get(key).flatMap(text -> decode(text, ids.size()));
        if (cached.isPresent()) {
            return cached.get();
        }
        List<Boolean> answer = source.get(); // read after the generation: see the class comment
        cache.put(key, encode(answer), ttl);
        return answer;
    }

    /** After a write of the user's saved items or follows has committed, before it answers: no cached answer of theirs is used again. */
    public void invalidate(String userId) {
        if (cache != null) {
            cache.put(GENERATION + userId, newGeneration(), GENERATION_TTL);
        }
    }

    /** {@link #invalidate} for several users (an account deletion removes others' follows of it). */
    public void invalidate(Collection<String> userIds) {
        userIds.forEach(this::invalidate);
    }

    private String generation(String userId) {
        Optional<String> current = cache.get(GENERATION + userId);
        if (current.isPresent()) {
            return current.get();
        }
        // made before the database is read, so what is cached under it is at least as new as this moment
        String made = newGeneration();
        cache.put(GENERATION + userId, made, GENERATION_TTL);
        return made;
    }

    private static String newGeneration() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The ids in request order (an answer is in request order) as a short key part. */
    private static String digest(List<String> ids) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join(",", ids).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String encode(List<Boolean> answer) {
        StringBuilder text = new StringBuilder(answer.size());
        answer.forEach(saved -> text.append(saved ? '1' : '0'));
        return text.toString();
    }

    /** @return the answer, or empty for an entry of another length or with other characters (then it is read again) */
    private static Optional<List<Boolean>> decode(String text, int size) {
        if (text.length() != size) {
            return Optional.empty();
        }
        List<Boolean> answer = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                return Optional.empty();
            }
            answer.add(c == '1');
        }
        return Optional.of(answer);
    }
}
