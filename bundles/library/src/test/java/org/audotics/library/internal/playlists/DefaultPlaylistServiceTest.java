package org.audotics.library.internal.playlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.concurrent.CopyOnWriteArrayList;
import org.audotics.library.api.LibraryEvents;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.api.TrackRemoval;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.audotics.storage.internal.LibraryTestDatabases;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The playlist rules on the embedded database: snapshots, who may do what, limits. */
class DefaultPlaylistServiceTest {

    @TempDir
    static Path data;
    private static PooledDatabase database;
    private static DefaultPlaylistService playlists;

    @BeforeAll
    static void open() {
        database = LibraryTestDatabases.embedded(data);
        playlists = new DefaultPlaylistService(new LibraryDatabase(database), new LibraryEventPoster());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static List<String> ids(Playlist playlist, String caller) {
        return playlists.tracks(playlist.id(), caller, 0, 100).items().stream().map(PlaylistEntry::trackId).toList();
    }

    @Test
    void everyChangeAnswersANewSnapshotAndAStalePositionalChangeIsRefusedWithoutWriting() {
        Playlist playlist = playlists.create("ada", new PlaylistDetails("Mix", null, null, null));
        String first = playlists.add(playlist.id(), "ada", List.of("a", "b", "c"), null, null);
        assertNotEquals(playlist.snapshotId(), first);
        String second = playlists.reorder(playlist.id(), "ada", 0, 1, 3, first);
        assertEquals(List.of("b", "c", "a"), ids(playlist, "ada"));

        LibraryException stale = assertThrows(LibraryException.class, () -> playlists.reorder(playlist.id(), "ada", 0, 1, 3, first));
        assertEquals(LibraryException.Reason.STALE_SNAPSHOT, stale.reason());
        assertThrows(LibraryException.class, () -> playlists.add(playlist.id(), "ada", List.of("x"), 0, first));
        assertThrows(LibraryException.class, () -> playlists.remove(playlist.id(), "ada", List.of(new TrackRemoval("b", List.of(0))), first));
        assertEquals(List.of("b", "c", "a"), ids(playlist, "ada"), "refused changes wrote nothing");
        assertEquals(second, playlists.playlist(playlist.id(), "ada").orElseThrow().snapshotId());

        // changes by track id do not depend on the order: a stale snapshot does not stop them
        playlists.add(playlist.id(), "ada", List.of("d"), null, first);
        playlists.remove(playlist.id(), "ada", List.of(new TrackRemoval("c", List.of())), first);
        assertEquals(List.of("b", "a", "d"), ids(playlist, "ada"));
        assertEquals(5, playlists.changes(playlist.id(), "ada", 0, 50).total(), "create, add, reorder, add, remove, and none of the refused");
    }

    @Test
    void aPrivatePlaylistDoesNotExistForOthersAndAPublicOneIsReadOnly() {
        Playlist secret = playlists.create("ada", new PlaylistDetails("Secret", null, false, null));
        Playlist open = playlists.create("ada", new PlaylistDetails("Open", "for all", true, null));
        assertTrue(playlists.playlist(secret.id(), "bob").isEmpty());
        assertEquals(LibraryException.Reason.NOT_FOUND,
                assertThrows(LibraryException.class, () -> playlists.add(secret.id(), "bob", List.of("a"), null, null)).reason());
        assertEquals("Open", playlists.playlist(open.id(), "bob").orElseThrow().name());
        assertEquals(LibraryException.Reason.FORBIDDEN,
                assertThrows(LibraryException.class, () -> playlists.add(open.id(), "bob", List.of("a"), null, null)).reason());
        assertEquals(LibraryException.Reason.FORBIDDEN,
                assertThrows(LibraryException.class, () -> playlists.changeDetails(open.id(), "bob", new PlaylistDetails("Mine", null, null, null))).reason());
        assertEquals(0, playlists.playlistsOf("ada", "bob", 0, 50).items().stream().filter(p -> p.id().equals(secret.id())).count());
        assertEquals(1, playlists.playlistsOf("ada", "ada", 0, 50).items().stream().filter(p -> p.id().equals(secret.id())).count());
    }

    @Test
    void editorsChangeTracksOfACollaborativePlaylistButOnlyTheOwnerRenamesOrDeletes() {
        Playlist shared = playlists.create("ada", new PlaylistDetails("Shared", null, false, true));
        playlists.addEditor(shared.id(), "ada", "bob");
        playlists.add(shared.id(), "bob", List.of("a", "b"), null, null);
        playlists.reorder(shared.id(), "bob", 1, 1, 0, null);
        assertEquals(List.of("b", "a"), ids(shared, "bob"));
        assertEquals("bob", playlists.tracks(shared.id(), "ada", 0, 1).items().get(0).addedBy());
        assertEquals(LibraryException.Reason.FORBIDDEN,
                assertThrows(LibraryException.class, () -> playlists.changeDetails(shared.id(), "bob", new PlaylistDetails("Bob's", null, null, null))).reason());
        assertEquals(LibraryException.Reason.FORBIDDEN, assertThrows(LibraryException.class, () -> playlists.delete(shared.id(), "bob")).reason());
        assertEquals(LibraryException.Reason.FORBIDDEN, assertThrows(LibraryException.class, () -> playlists.addEditor(shared.id(), "bob", "carol")).reason());
        assertEquals(LibraryException.Reason.NOT_FOUND,
                assertThrows(LibraryException.class, () -> playlists.add(shared.id(), "carol", List.of("a"), null, null)).reason());

        playlists.removeEditor(shared.id(), "ada", "bob");
        assertTrue(playlists.playlist(shared.id(), "bob").isEmpty(), "no longer an editor of a private playlist: it is gone for bob");
        assertEquals(List.of("ada"), playlists.changes(shared.id(), "ada", 0, 1).items().stream().map(c -> c.userId()).toList());
        playlists.delete(shared.id(), "ada");
        assertTrue(playlists.playlist(shared.id(), "ada").isEmpty());
    }

    @Test
    void everyAcceptedChangeIsPostedWithWhoWhatAndTheNewSnapshotAndARefusedOneIsNot() {
        List<Event> posted = new CopyOnWriteArrayList<>();
        EventAdmin admin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        DefaultPlaylistService observed = new DefaultPlaylistService(new LibraryDatabase(database), new LibraryEventPoster(admin));
        Playlist playlist = observed.create("ada", new PlaylistDetails("Watched", null, null, null));
        String snapshot = observed.add(playlist.id(), "ada", List.of("a", "b"), null, null);
        assertThrows(LibraryException.class, () -> observed.reorder(playlist.id(), "ada", 0, 1, 2, playlist.snapshotId()));
        assertEquals(2, posted.size(), "create and add; the stale reorder posts nothing");
        Event added = posted.get(1);
        assertEquals(LibraryEvents.PLAYLIST_CHANGED, added.getTopic());
        assertEquals(playlist.id(), added.getProperty(LibraryEvents.PLAYLIST_ID));
        assertEquals("ada", added.getProperty(LibraryEvents.USER_ID));
        assertEquals(LibraryEvents.ACTION_ADD, added.getProperty(LibraryEvents.ACTION));
        assertEquals(snapshot, added.getProperty(LibraryEvents.SNAPSHOT_ID));
    }

    @Test
    void refusesBadDetails() {
        assertEquals(LibraryException.Reason.INVALID,
                assertThrows(LibraryException.class, () -> playlists.create("ada", new PlaylistDetails(null, null, null, null))).reason());
        assertThrows(LibraryException.class, () -> playlists.create("ada", new PlaylistDetails("  ", null, null, null)));
        assertThrows(LibraryException.class, () -> playlists.create("ada", new PlaylistDetails("x".repeat(101), null, null, null)));
        assertThrows(LibraryException.class, () -> playlists.create("ada", new PlaylistDetails("x", "d".repeat(301), null, null)));
        LibraryException both = assertThrows(LibraryException.class, () -> playlists.create("ada", new PlaylistDetails("x", null, true, true)));
        assertTrue(both.getMessage().contains("collaborative"), both.getMessage());
    }

    @Test
    void holdsAtMostTenThousandTracks() {
        Playlist big = playlists.create("ada", new PlaylistDetails("Big", null, null, null));
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "t" + i).toList();
        for (int i = 0; i < 100; i++) {
            playlists.add(big.id(), "ada", hundred, null, null);
        }
        assertEquals(10_000, playlists.playlist(big.id(), "ada").orElseThrow().trackCount());
        LibraryException full = assertThrows(LibraryException.class, () -> playlists.add(big.id(), "ada", List.of("one more"), null, null));
        assertEquals(LibraryException.Reason.PLAYLIST_FULL, full.reason());
        assertEquals(10_000, playlists.tracks(big.id(), "ada", 9_999, 100).total());
        assertEquals(1, playlists.tracks(big.id(), "ada", 9_999, 100).items().size());
        assertThrows(LibraryException.class, () -> playlists.add(big.id(), "ada", IntStream.range(0, 101).mapToObj(i -> "t").toList(), null, null));
    }

    @Test
    void followingAddsToTheFollowersListAndAnOwnerWhoUnfollowsNoLongerListsIt() {
        Playlist playlist = playlists.create("ada", new PlaylistDetails("Followed", null, true, null));
        playlists.follow(playlist.id(), "bob");
        playlists.follow(playlist.id(), "bob");
        assertEquals(1, playlists.playlist(playlist.id(), "bob").orElseThrow().followers());
        assertTrue(playlists.playlistsOf("bob", "bob", 0, 50).items().stream().anyMatch(p -> p.id().equals(playlist.id())));
        playlists.unfollow(playlist.id(), "ada");
        assertFalse(playlists.playlistsOf("ada", "ada", 0, 50).items().stream().anyMatch(p -> p.id().equals(playlist.id())));
        playlists.deleteUser("ada");
        assertTrue(playlists.playlist(playlist.id(), "bob").isEmpty(), "the owner's account deleted: its playlists with it");
    }
}
