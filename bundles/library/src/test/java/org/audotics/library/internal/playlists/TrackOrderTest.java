package org.audotics.library.internal.playlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.api.TrackRemoval;
import org.junit.jupiter.api.Test;

class TrackOrderTest {

    private static List<PlaylistEntry> entries(String... ids) {
        return Arrays.stream(ids).map(id -> new PlaylistEntry(id, Instant.EPOCH, "u")).toList();
    }

    private static List<String> ids(List<PlaylistEntry> entries) {
        return entries.stream().map(PlaylistEntry::trackId).toList();
    }

    @Test
    void insertsBeforeThePositionOrAtTheEnd() {
        assertEquals(List.of("x", "y", "a", "b"), ids(TrackOrder.insert(entries("a", "b"), entries("x", "y"), 0)));
        assertEquals(List.of("a", "x", "b"), ids(TrackOrder.insert(entries("a", "b"), entries("x"), 1)));
        assertEquals(List.of("a", "b", "x", "x"), ids(TrackOrder.insert(entries("a", "b"), entries("x", "x"), null)));
        assertEquals(List.of("a", "b", "x"), ids(TrackOrder.insert(entries("a", "b"), entries("x"), 2)));
    }

    @Test
    void refusesAPositionOutsideThePlaylist() {
        LibraryException e = assertThrows(LibraryException.class, () -> TrackOrder.insert(entries("a", "b"), entries("x"), 3));
        assertEquals(LibraryException.Reason.INVALID, e.reason());
        assertTrue(e.getMessage().contains("position"), e.getMessage());
        assertThrows(LibraryException.class, () -> TrackOrder.insert(entries("a"), entries("x"), -1));
    }

    /** Spotify's documented examples: range_start 1 insert_before 3 on A B C D E; and moving to the front and the end. */
    @Test
    void reordersAsSpotifyDoes() {
        List<PlaylistEntry> abcde = entries("A", "B", "C", "D", "E");
        assertEquals(List.of("A", "C", "B", "D", "E"), ids(TrackOrder.reorder(abcde, 1, 1, 3)));
        assertEquals(List.of("D", "E", "A", "B", "C"), ids(TrackOrder.reorder(abcde, 3, 2, 0)));
        assertEquals(List.of("C", "D", "E", "A", "B"), ids(TrackOrder.reorder(abcde, 0, 2, 5)));
        assertEquals(List.of("A", "D", "B", "C", "E"), ids(TrackOrder.reorder(abcde, 3, 1, 1)));
        assertEquals(ids(abcde), ids(TrackOrder.reorder(abcde, 1, 3, 2)), "inside its own range: no move");
    }

    @Test
    void refusesARangeOutsideThePlaylistNamingTheField() {
        List<PlaylistEntry> abc = entries("A", "B", "C");
        assertTrue(assertThrows(LibraryException.class, () -> TrackOrder.reorder(abc, 3, 1, 0)).getMessage().contains("range_start"));
        assertTrue(assertThrows(LibraryException.class, () -> TrackOrder.reorder(abc, 1, 3, 0)).getMessage().contains("range_length"));
        assertTrue(assertThrows(LibraryException.class, () -> TrackOrder.reorder(abc, 1, 0, 0)).getMessage().contains("range_length"));
        assertTrue(assertThrows(LibraryException.class, () -> TrackOrder.reorder(abc, 0, 1, 4)).getMessage().contains("insert_before"));
        assertTrue(assertThrows(LibraryException.class, () -> TrackOrder.reorder(List.of(), 0, 1, 0)).getMessage().contains("range_start"));
    }

    @Test
    void removesEveryOccurrenceOrOnlyAtTheGivenPositions() {
        List<PlaylistEntry> list = entries("a", "b", "a", "c", "a");
        assertEquals(List.of("b", "c"), ids(TrackOrder.remove(list, List.of(new TrackRemoval("a", List.of())))));
        assertEquals(List.of("a", "b", "c", "a"), ids(TrackOrder.remove(list, List.of(new TrackRemoval("a", List.of(2))))));
        assertEquals(List.of("b", "a", "c"), ids(TrackOrder.remove(list, List.of(new TrackRemoval("a", List.of(0, 4)), new TrackRemoval("z", List.of())))));
    }

    @Test
    void refusesAPositionHoldingAnotherTrack() {
        List<PlaylistEntry> list = entries("a", "b");
        LibraryException e = assertThrows(LibraryException.class, () -> TrackOrder.remove(list, List.of(new TrackRemoval("a", List.of(1)))));
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
        assertThrows(LibraryException.class, () -> TrackOrder.remove(list, List.of(new TrackRemoval("a", List.of(2)))));
    }

    @Test
    void refusesMoreThanTenThousandTracks() {
        List<PlaylistEntry> full = new ArrayList<>();
        for (int i = 0; i < 9_999; i++) {
            full.add(new PlaylistEntry("t" + i, Instant.EPOCH, "u"));
        }
        assertEquals(10_000, TrackOrder.insert(full, entries("x"), null).size());
        LibraryException e = assertThrows(LibraryException.class, () -> TrackOrder.insert(full, entries("x", "y"), 0));
        assertEquals(LibraryException.Reason.PLAYLIST_FULL, e.reason());
    }

    @Test
    void findsTheFirstChangedPosition() {
        assertEquals(1, TrackOrder.firstDifference(entries("a", "b", "c"), entries("a", "c", "b")));
        assertEquals(2, TrackOrder.firstDifference(entries("a", "b"), entries("a", "b", "c")));
        assertEquals(0, TrackOrder.firstDifference(List.of(), entries("a")));
    }
}
