package org.audotics.library.internal.playlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistService;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.audotics.storage.internal.LibraryTestDatabases;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging through every public playlist (what the search index rebuilds from), on the embedded database. */
class PublicPlaylistPagingTest {

    @TempDir
    static Path data;
    private static PooledDatabase database;
    private static DefaultPlaylistService playlists;
    private static List<String> publicIds;
    private static String privateId;

    /** Seven public playlists of two owners, one private, one deleted: a database of its own, so the counts are exact. */
    @BeforeAll
    static void open() {
        database = LibraryTestDatabases.embedded(data);
        playlists = new DefaultPlaylistService(new LibraryDatabase(database), new LibraryEventPoster());
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 7).forEach(i -> ids.add(playlists.create(i % 2 == 0 ? "ada" : "bob", new PlaylistDetails("Mix " + i, null, true, null)).id()));
        privateId = playlists.create("ada", new PlaylistDetails("Secret", null, false, null)).id();
        String deleted = playlists.create("ada", new PlaylistDetails("Gone", null, true, null)).id();
        playlists.delete(deleted, "ada");
        publicIds = ids.stream().sorted().toList();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void pagesThroughEveryPublicPlaylistOnceInIdOrderAndSkipsPrivateOnes() {
        List<String> seen = new ArrayList<>();
        String after = null;
        List<Playlist> page;
        int pages = 0;
        do {
            page = playlists.publicPlaylistsAfter(after, 3);
            page.forEach(playlist -> assertTrue(playlist.isPublic(), playlist.id()));
            page.forEach(playlist -> seen.add(playlist.id()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            pages++;
        } while (page.size() == 3);
        assertEquals(publicIds, seen, "every public playlist once, in id order, none private or deleted");
        assertEquals(3, pages, "3 + 3 + 1");
    }

    @Test
    void aCursorPastTheLastIdAnswersAnEmptyPageAndACursorThatNoLongerExistsStillPages() {
        assertEquals(List.of(), playlists.publicPlaylistsAfter(publicIds.get(publicIds.size() - 1), 10));
        String between = publicIds.get(2) + "!"; // sorts after the third id and before the fourth, exists nowhere
        assertEquals(publicIds.subList(3, publicIds.size()), playlists.publicPlaylistsAfter(between, 10).stream().map(Playlist::id).toList());
    }

    @Test
    void aLimitOutsideTheRangeIsInvalid() {
        for (int limit : new int[] {0, -1, PlaylistService.MAX_PUBLIC_PAGE + 1}) {
            LibraryException e = assertThrows(LibraryException.class, () -> playlists.publicPlaylistsAfter(null, limit));
            assertEquals(LibraryException.Reason.INVALID, e.reason());
        }
        assertEquals(publicIds.size(), playlists.publicPlaylistsAfter(null, PlaylistService.MAX_PUBLIC_PAGE).size());
    }

    @Test
    void publicPlaylistsByIdAnswerOnlyThePublicOnesThatExist() {
        Map<String, Playlist> found = playlists.publicPlaylists(List.of(publicIds.get(0), privateId, "not-an-id", "0000000000000000000000", publicIds.get(0)));
        assertEquals(List.of(publicIds.get(0)), List.copyOf(found.keySet()), "the private, malformed, unknown and repeated ids are absent");
        assertTrue(found.get(publicIds.get(0)).isPublic());
        assertEquals(Map.of(), playlists.publicPlaylists(List.of()));

        Playlist madePrivate = playlists.create("ada", new PlaylistDetails("Soon private", "desc", true, null));
        assertEquals(1, playlists.publicPlaylists(List.of(madePrivate.id())).size());
        playlists.changeDetails(madePrivate.id(), "ada", new PlaylistDetails(null, null, false, null));
        assertEquals(Map.of(), playlists.publicPlaylists(List.of(madePrivate.id())), "read as it is now, not from a cache");
        playlists.delete(madePrivate.id(), "ada");
    }

    @Test
    void tooManyIdsAreInvalid() {
        List<String> ids = IntStream.rangeClosed(0, PlaylistService.MAX_PUBLIC_PAGE).mapToObj(i -> "id" + i).toList();
        assertEquals(LibraryException.Reason.INVALID, assertThrows(LibraryException.class, () -> playlists.publicPlaylists(ids)).reason());
    }
}
