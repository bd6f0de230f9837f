package org.audotics.search.internal;

import static org.audotics.search.internal.InMemoryCatalog.track;
import static org.audotics.search.internal.InMemoryPlaylists.playlist;
import static org.audotics.search.internal.LuceneSearchServiceTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.library.api.LibraryEvents;
import org.audotics.search.api.SearchQuery;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

/** Public playlists in the index: the rebuild reads them, the library's events patch them, private ones leave. */
class PlaylistSearchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final InMemoryPlaylists playlists = new InMemoryPlaylists();
    private LuceneSearchService service;

    @BeforeEach
    void library() {
        catalog.put(track("t01", "Summer Song", "Band", "Album", "2001-01-01", 50, "pop"));
        playlists.put(playlist("p01", "ada", "Summer Vibes", "beach and sun", true));
        playlists.put(playlist("p02", "bob", "Winter Mix", "cold nights", true));
        playlists.put(playlist("p03", "ada", "Summer Secrets", "only mine", false));
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.deactivate();
        }
    }

    private LuceneSearchService started(boolean withLibrary) {
        service = new LuceneSearchService(catalog, folder, Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(500), CLOCK);
        service.accounts = accounts(Map.of("ada", "Ada Lovelace", "bob", "Bob Dylan"));
        if (withLibrary) {
            service.bindLibrary(playlists.service());
        }
        waitFor(() -> service.indexer() != null && service.indexer().buildsFinished() > 0);
        if (withLibrary) { // bound after activation, as DS does: the first build, or the re-read the binding asks for, reads it
            waitFor(() -> !found("vibes").isEmpty());
        }
        return service;
    }

    private List<String> found(String q) {
        return service.search(new SearchRequest(SearchQuery.parse(q), Set.of(SearchType.PLAYLIST), 50, 0)).of(SearchType.PLAYLIST).ids();
    }

    private void changed(String playlistId) {
        service.handleEvent(new Event(LibraryEvents.PLAYLIST_CHANGED, Map.of(LibraryEvents.PLAYLIST_ID, playlistId, LibraryEvents.USER_ID, "ada",
                LibraryEvents.ACTION, LibraryEvents.ACTION_DETAILS)));
    }

    private static AccountService accounts(Map<String, String> names) {
        return (AccountService) Proxy.newProxyInstance(PlaylistSearchTest.class.getClassLoader(), new Class<?>[] {AccountService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("account")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String name = names.get((String) args[0]);
                    return name == null ? Optional.empty()
                            : Optional.of(new Account((String) args[0], args[0] + "@example.com", name, null, Set.of(), Instant.EPOCH));
                });
    }

    @Test
    void theRebuildIndexesPublicPlaylistsByNameOwnerAndDescriptionAndNeverPrivateOnes() {
        started(true);
        assertEquals(List.of("p01"), found("summ"), "a prefix of the name; the private Summer Secrets is not indexed");
        assertEquals(List.of("p02"), found("dylan"), "the owner's display name");
        assertEquals(List.of("p01"), found("beach"), "the description");
        assertEquals(List.of(), found("secrets"));
        assertEquals(List.of(), found("summer artist:band"), "playlists have no artists: an artist filter matches none");
        assertEquals(List.of("t01"), service.search(new SearchRequest(SearchQuery.parse("summer"), Set.of(SearchType.TRACK), 50, 0))
                .of(SearchType.TRACK).ids(), "tracks are not playlists and playlists not tracks");
    }

    @Test
    void aPlaylistChangedEventPatchesItsDocumentWithoutARebuild() {
        started(true);
        long builds = service.indexer().buildsFinished();
        playlists.put(playlist("p04", "bob", "Autumn Leaves", "", true));
        changed("p04");
        waitFor(() -> found("autum").equals(List.of("p04")));

        playlists.put(playlist("p01", "ada", "Spring Vibes", "beach and sun", true)); // renamed
        changed("p01");
        waitFor(() -> found("spring").equals(List.of("p01")));
        assertEquals(List.of(), found("summer"), "the old name is gone with the old document");
        assertEquals(builds, service.indexer().buildsFinished(), "patched, not rebuilt");
    }

    @Test
    void aPlaylistMadePrivateOrDeletedLeavesTheIndex() {
        started(true);
        playlists.put(playlist("p01", "ada", "Summer Vibes", "beach and sun", false));
        changed("p01");
        waitFor(() -> found("summer").isEmpty());

        playlists.remove("p02");
        service.handleEvent(new Event(LibraryEvents.PLAYLIST_CHANGED, Map.of(LibraryEvents.PLAYLIST_ID, "p02", LibraryEvents.USER_ID, "bob",
                LibraryEvents.ACTION, LibraryEvents.ACTION_DELETE)));
        waitFor(() -> found("winter").isEmpty());

        playlists.put(playlist("p01", "ada", "Summer Vibes", "beach and sun", true)); // public again
        changed("p01");
        waitFor(() -> found("summer").equals(List.of("p01")));
    }

    @Test
    void withoutALibraryPlaylistSearchesAnswerNothingAndALibraryBoundLaterIsReadWhole() {
        started(false);
        assertEquals(List.of(), found("summer"));
        assertEquals(0, playlists.pagesRead.get());
        changed("p01"); // an event with no library to read it from: dropped

        long builds = service.indexer().buildsFinished();
        var first = playlists.service();
        service.bindLibrary(first);
        waitFor(() -> found("summer").equals(List.of("p01")));
        assertEquals(builds, service.indexer().buildsFinished(), "the playlists are re-read, not the catalog");
        assertTrue(service.check().detail().indexOf("failed") < 0, service.check().detail());

        var replacement = playlists.service(); // GREEDY: the replacement binds before the old one unbinds
        service.bindLibrary(replacement);
        service.unbindLibrary(first);
        assertEquals(List.of("p01"), found("summer"), "still a library after the swap");
        service.unbindLibrary(replacement);
        assertEquals(List.of(), found("summer"), "no library: no playlists, whatever the index holds");
    }

    @Test
    void aRebuildReadsPublicPlaylistsAgain() {
        started(true);
        playlists.put(playlist("p05", "ada", "Road Trip", "", true)); // no event: only a rebuild finds it
        long builds = service.indexer().buildsFinished();
        service.reindex();
        waitFor(() -> service.indexer().buildsFinished() > builds);
        assertEquals(List.of("p05"), found("road"));
        assertTrue(playlists.pagesRead.get() >= 2, "one page per build");
    }
}
