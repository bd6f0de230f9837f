package org.audotics.library.internal.playlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.audotics.cache.api.Cache;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.audotics.storage.internal.LibraryTestDatabases;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two "nodes" (service instances) on one database and one shared cache whose evictions can be lost. */
class PlaylistCacheTest {

    /** A shared cache, as Redis is for every node; counts hits, and can drop evictions as an unreachable Redis does. */
    static final class SharedCache implements Cache {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        final AtomicInteger hits = new AtomicInteger();
        volatile boolean evictionsLost;

        @Override
        public Optional<String> get(String key) {
            Optional<String> value = Optional.ofNullable(entries.get(key));
            value.ifPresent(v -> hits.incrementAndGet());
            return value;
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            entries.put(key, value);
        }

        @Override
        public void delete(Collection<String> keys) {
            if (!evictionsLost) {
                keys.forEach(entries::remove);
            }
        }

        @Override
        public OptionalLong increment(String key, Duration ttl) {
            throw new UnsupportedOperationException("not used by the playlist cache");
        }
    }

    @TempDir
    static Path data;
    private static PooledDatabase database;

    @BeforeAll
    static void open() {
        database = LibraryTestDatabases.embedded(data);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static DefaultPlaylistService node(SharedCache cache) {
        return new DefaultPlaylistService(new LibraryDatabase(database), new LibraryEventPoster(), new PlaylistCache(cache, Duration.ofMinutes(1)));
    }

    private static List<String> ids(DefaultPlaylistService node, String playlist, String caller) {
        return node.tracks(playlist, caller, 0, 100).items().stream().map(PlaylistEntry::trackId).toList();
    }

    @Test
    void repeatedReadsComeFromTheCacheAndAChangeOnAnotherNodeIsSeenAtOnceEvenWhenItsEvictionIsLost() {
        SharedCache cache = new SharedCache();
        DefaultPlaylistService one = node(cache);
        DefaultPlaylistService two = node(cache);
        Playlist playlist = one.create("ada", new PlaylistDetails("Cached", null, false, true));
        one.add(playlist.id(), "ada", List.of("a", "b"), null, null);
        assertEquals(List.of("a", "b"), ids(one, playlist.id(), "ada"));
        int before = cache.hits.get();
        assertEquals(List.of("a", "b"), ids(one, playlist.id(), "ada"));
        assertEquals("Cached", one.playlist(playlist.id(), "ada").orElseThrow().name());
        assertTrue(cache.hits.get() >= before + 2, "the second reads were served from the cache");

        cache.evictionsLost = true;
        two.reorder(playlist.id(), "ada", 1, 1, 0, null);
        two.changeDetails(playlist.id(), "ada", new PlaylistDetails("Renamed", null, null, null));
        assertEquals(List.of("b", "a"), ids(one, playlist.id(), "ada"), "the cached copy is of an older version: not used");
        assertEquals("Renamed", one.playlist(playlist.id(), "ada").orElseThrow().name());

        assertTrue(one.playlist(playlist.id(), "bob").isEmpty(), "private, and bob is no editor");
        two.addEditor(playlist.id(), "ada", "bob");
        assertTrue(one.playlist(playlist.id(), "bob").isPresent(), "the new editor sees it at once");
        two.follow(playlist.id(), "bob");
        assertEquals(1, one.playlist(playlist.id(), "ada").orElseThrow().followers(), "followers are counted fresh: a follow makes no new version");
    }
}
