package org.audotics.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.audotics.cache.api.Cache;
import org.junit.jupiter.api.Test;

/** Two "nodes" (two instances) on one shared cache, as two servers on one Redis. */
class ContainsCacheTest {

    private final SharedCache shared = new SharedCache();
    private final ContainsCache nodeOne = new ContainsCache(shared, Duration.ofSeconds(60));
    private final ContainsCache nodeTwo = new ContainsCache(shared, Duration.ofSeconds(60));
    /** The "database": what the user saved. */
    private final List<Boolean> saved = new ArrayList<>(List.of(false, true));
    private final AtomicInteger reads = new AtomicInteger();

    private final Supplier<List<Boolean>> database = () -> {
        reads.incrementAndGet();
        return List.copyOf(saved);
    };

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheOnEveryNode() {
        assertEquals(List.of(false, true), nodeOne.contains("u", "track", List.of("a", "b"), database));
        assertEquals(List.of(false, true), nodeTwo.contains("u", "track", List.of("a", "b"), database));
        assertEquals(1, reads.get());
        assertEquals(List.of(true, false), nodeTwo.contains("u", "track", List.of("b", "a"), () -> {
            reads.incrementAndGet();
            return List.of(saved.get(1), saved.get(0));
        }), "another order is another question");
        assertEquals(List.of(false, true), nodeTwo.contains("u", "album", List.of("a", "b"), database), "another kind is another question");
        assertEquals(3, reads.get());
    }

    @Test
    void aWriteOnOneNodeIsSeenOnTheOtherAtOnce() {
        for (int round = 0; round < 5; round++) {
            assertEquals(saved, nodeTwo.contains("u", "track", List.of("a", "b"), database));
            saved.set(0, !saved.get(0));
            nodeOne.invalidate("u"); // the write committed, then invalidates, then answers
            assertEquals(saved, nodeTwo.contains("u", "track", List.of("a", "b"), database), "round " + round);
        }
    }

    @Test
    void aReadThatRacedAWriteCachesUnderTheOldGenerationOnly() {
        nodeTwo.contains("u", "track", List.of("b"), () -> List.of(true)); // the user has a generation
        // a read that took the generation and read the database just before a write committed stores its answer after the write answered
        Supplier<List<Boolean>> readBeforeTheWrite = () -> {
            List<Boolean> before = List.of(saved.get(0));
            saved.set(0, true);
            nodeOne.invalidate("u");
            return before;
        };
        assertEquals(List.of(false), nodeTwo.contains("u", "track", List.of("a"), readBeforeTheWrite));
        assertEquals(List.of(true), nodeOne.contains("u", "track", List.of("a"), () -> List.of(saved.get(0))), "the late answer is not used");
    }

    @Test
    void anUnreadableEntryIsReadAgainAndAnExpiredGenerationIsMadeAnew() {
        nodeOne.contains("u", "track", List.of("a", "b"), database);
        shared.entries.replaceAll((key, value) -> key.startsWith("library:contains:") ? "1x" : value);
        assertEquals(List.of(false, true), nodeOne.contains("u", "track", List.of("a", "b"), database));
        assertEquals(2, reads.get());
        shared.entries.keySet().removeIf(key -> key.startsWith("library:contains-gen:"));
        saved.set(0, true);
        assertEquals(List.of(true, true), nodeTwo.contains("u", "track", List.of("a", "b"), database), "the earlier answers are under another generation");
    }

    @Test
    void offReadsTheDatabaseEveryTime() {
        ContainsCache off = ContainsCache.off();
        off.contains("u", "track", List.of("a"), database);
        off.contains("u", "track", List.of("a"), database);
        off.invalidate("u");
        assertEquals(2, reads.get());
        assertEquals(0, shared.entries.size());
    }

    /** One map for every node, as Redis is. */
    static final class SharedCache implements Cache {
        final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            entries.put(key, value);
        }

        @Override
        public void delete(Collection<String> keys) {
            keys.forEach(entries::remove);
        }

        @Override
        public OptionalLong increment(String key, Duration ttl) {
            throw new UnsupportedOperationException("not used");
        }
    }
}
