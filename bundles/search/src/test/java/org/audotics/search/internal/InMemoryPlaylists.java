package org.audotics.search.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistService;

/**
 * The two {@link PlaylistService} methods search calls, on a map; every other method throws (search must not call
 * them). Counts the public pages read, so a test can tell a rebuild that read playlists from one that did not.
 */
public final class InMemoryPlaylists {

    private final ConcurrentSkipListMap<String, Playlist> playlists = new ConcurrentSkipListMap<>();
    public final AtomicInteger pagesRead = new AtomicInteger();

    public static Playlist playlist(String id, String ownerId, String name, String description, boolean isPublic) {
        return new Playlist(id, ownerId, name, description, isPublic, false, "snap-" + id, 3, 0, Instant.EPOCH);
    }

    public void put(Playlist playlist) {
        playlists.put(playlist.id(), playlist);
    }

    void remove(String id) {
        playlists.remove(id);
    }

    public PlaylistService service() {
        return (PlaylistService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PlaylistService.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "publicPlaylistsAfter" -> after((String) args[0], (Integer) args[1]);
                    case "publicPlaylists" -> byIds((Collection<?>) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "InMemoryPlaylists";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<Playlist> after(String afterId, int limit) {
        pagesRead.incrementAndGet();
        Map<String, Playlist> tail = afterId == null ? playlists : playlists.tailMap(afterId, false);
        return tail.values().stream().filter(Playlist::isPublic).limit(limit).toList();
    }

    private Map<String, Playlist> byIds(Collection<?> ids) {
        return ids.stream().map(id -> playlists.get((String) id)).filter(Objects::nonNull).filter(Playlist::isPublic)
                .collect(Collectors.toMap(Playlist::id, playlist -> playlist, (a, b) -> a));
    }
}
