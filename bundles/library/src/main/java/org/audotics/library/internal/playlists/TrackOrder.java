package org.audotics.library.internal.playlists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.api.PlaylistService;
import org.audotics.library.api.TrackRemoval;

/**
 * The positional edits of a playlist as pure functions of its order: each answers the new order or refuses
 * with {@link LibraryException.Reason#INVALID} / {@link LibraryException.Reason#PLAYLIST_FULL} naming the field.
 * The store applies them inside the transaction that holds the playlist; tests replay them to check the
 * store's result.
 */
public final class TrackOrder {

    private TrackOrder() {
    }

    /** Inserts {@code added} before {@code position}, or at the end when it is null. */
    public static List<PlaylistEntry> insert(List<PlaylistEntry> entries, List<PlaylistEntry> added, Integer position) {
        int at = position == null ? entries.size() : position;
        if (at < 0 || at > entries.size()) {
            throw invalid("position must be from 0 to " + entries.size() + " (the playlist's length), was " + position);
        }
        checkRoom(entries.size() + added.size());
        List<PlaylistEntry> result = new ArrayList<>(entries.size() + added.size());
        result.addAll(entries.subList(0, at));
        result.addAll(added);
        result.addAll(entries.subList(at, entries.size()));
        return result;
    }

    /** Spotify's reorder: the range {@code [start, start + length)} moves to before {@code insertBefore} (counted before the move). */
    public static List<PlaylistEntry> reorder(List<PlaylistEntry> entries, int start, int length, int insertBefore) {
        int size = entries.size();
        if (start < 0 || start >= size) {
            throw invalid("range_start must be from 0 to " + (size - 1) + " (the playlist has " + size + " tracks), was " + start);
        }
        if (length < 1 || start + length > size) {
            throw invalid("range_length must be from 1 to " + (size - start) + " for range_start " + start + ", was " + length);
        }
        if (insertBefore < 0 || insertBefore > size) {
            throw invalid("insert_before must be from 0 to " + size + " (the playlist's length), was " + insertBefore);
        }
        List<PlaylistEntry> moved = new ArrayList<>(entries.subList(start, start + length));
        List<PlaylistEntry> rest = new ArrayList<>(entries.subList(0, start));
        rest.addAll(entries.subList(start + length, size));
        int target;
        if (insertBefore <= start) {
            target = insertBefore;
        } else if (insertBefore >= start + length) {
            target = insertBefore - length;
        } else {
            target = start; // inside the range itself: the order does not change
        }
        rest.addAll(target, moved);
        return rest;
    }

    /** Removes each track at its positions (counted before the removal), or every occurrence when it names none. */
    public static List<PlaylistEntry> remove(List<PlaylistEntry> entries, List<TrackRemoval> removals) {
        Set<Integer> positions = new TreeSet<>();
        Set<String> everywhere = new HashSet<>();
        for (TrackRemoval removal : removals) {
            if (!removal.positional()) {
                everywhere.add(removal.trackId());
                continue;
            }
            for (int position : removal.positions()) {
                if (position < 0 || position >= entries.size()) {
                    throw invalid("positions must be from 0 to " + (entries.size() - 1) + " (the playlist has " + entries.size()
                            + " tracks), was " + position);
                }
                if (!entries.get(position).trackId().equals(removal.trackId())) {
                    throw invalid("position " + position + " holds another track than " + removal.trackId());
                }
                positions.add(position);
            }
        }
        List<PlaylistEntry> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            PlaylistEntry entry = entries.get(i);
            if (!positions.contains(i) && !everywhere.contains(entry.trackId())) {
                result.add(entry);
            }
        }
        return result;
    }

    /** Every track replaced by {@code replacement}. */
    public static List<PlaylistEntry> replace(List<PlaylistEntry> replacement) {
        checkRoom(replacement.size());
        return Collections.unmodifiableList(new ArrayList<>(replacement));
    }

    /** @return the first position at which the two orders differ; the shorter length when one starts the other */
    static int firstDifference(List<PlaylistEntry> before, List<PlaylistEntry> after) {
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            if (!before.get(i).equals(after.get(i))) {
                return i;
            }
        }
        return common;
    }

    /** @throws LibraryException PLAYLIST_FULL when a playlist of this length would be too long */
    static void checkRoom(int length) {
        if (length > PlaylistService.MAX_TRACKS) {
            throw new LibraryException(LibraryException.Reason.PLAYLIST_FULL,
                    "a playlist holds at most " + PlaylistService.MAX_TRACKS + " tracks; this change would make it " + length);
        }
    }

    private static LibraryException invalid(String message) {
        return new LibraryException(LibraryException.Reason.INVALID, message);
    }
}
