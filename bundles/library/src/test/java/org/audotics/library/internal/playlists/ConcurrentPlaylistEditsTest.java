package org.audotics.library.internal.playlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistChange;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.api.TrackRemoval;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.audotics.storage.internal.LibraryTestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Many threads editing one playlist on real PostgreSQL (127.0.0.1:5432): every thread reads the playlist, then
 * sends a random change with the snapshot it read, so many are stale by the time they arrive. The final order
 * must equal the accepted changes replayed one after the other in the order of their snapshots, each positional
 * one applied to exactly the order its client saw: no lost update, no change applied to an order it did not see.
 */
class ConcurrentPlaylistEditsTest {

    private static final int THREADS = 8;
    private static final int CHANGES_PER_THREAD = 40;

    /** An accepted change: the snapshot it was sent with (null: none) and what it did, to replay. */
    private record Accepted(String sentSnapshot, boolean positional, UnaryOperator<List<PlaylistEntry>> replay) {
    }

    @Test
    void theFinalOrderIsASerialReplayOfTheAcceptedChanges() throws Exception {
        try (LibraryTestDatabases.Postgres postgres = new LibraryTestDatabases.Postgres()) {
            DefaultPlaylistService playlists = new DefaultPlaylistService(new LibraryDatabase(postgres.database), new LibraryEventPoster());
            Playlist playlist = playlists.create("owner", new PlaylistDetails("Busy", null, null, null));
            List<String> initial = IntStream.range(0, 20).mapToObj(i -> "start-" + i).toList();
            String initialSnapshot = playlists.replace(playlist.id(), "owner", initial);

            Map<String, Accepted> accepted = new ConcurrentHashMap<>();
            AtomicInteger stale = new AtomicInteger();
            AtomicInteger invalid = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    start.await();
                    for (int n = 0; n < CHANGES_PER_THREAD; n++) {
                        Playlist seen = playlists.playlist(playlist.id(), "owner").orElseThrow();
                        List<PlaylistEntry> seenOrder = playlists.tracks(playlist.id(), "owner", 0, 100).items();
                        String id = "t" + thread + "-" + n;
                        try {
                            Map.Entry<String, Accepted> change = randomChange(playlists, playlist.id(), seen, seenOrder, id, random);
                            accepted.put(change.getKey(), change.getValue());
                        } catch (LibraryException refused) {
                            (refused.reason() == LibraryException.Reason.STALE_SNAPSHOT ? stale : invalid).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            // the change log lists every accepted change by the snapshot it made, newest first
            List<PlaylistChange> log = new ArrayList<>();
            for (int offset = 0; ; offset += 50) {
                List<PlaylistChange> page = playlists.changes(playlist.id(), "owner", offset, 50).items();
                log.addAll(page);
                if (page.size() < 50) {
                    break;
                }
            }
            List<String> snapshots = new ArrayList<>(log.stream().map(PlaylistChange::snapshotId).toList());
            java.util.Collections.reverse(snapshots);
            assertEquals(initialSnapshot, snapshots.get(1), "the log starts with the creation and the replacement");
            assertEquals(accepted.size() + 2, snapshots.size(), "every accepted change and nothing else is logged");

            List<PlaylistEntry> replayed = initial.stream().map(track -> new PlaylistEntry(track, java.time.Instant.EPOCH, "owner")).toList();
            String previous = initialSnapshot;
            for (String snapshot : snapshots.subList(2, snapshots.size())) {
                Accepted change = accepted.get(snapshot);
                if (change.positional() && change.sentSnapshot() != null) {
                    assertEquals(previous, change.sentSnapshot(), "a positional change was applied to an order its client did not see");
                }
                replayed = change.replay().apply(replayed);
                previous = snapshot;
            }
            List<String> finalOrder = new ArrayList<>();
            for (int offset = 0; offset < 10_000; offset += 100) {
                List<PlaylistEntry> page = playlists.tracks(playlist.id(), "owner", offset, 100).items();
                page.forEach(entry -> finalOrder.add(entry.trackId()));
                if (page.size() < 100) {
                    break;
                }
            }
            assertEquals(replayed.stream().map(PlaylistEntry::trackId).toList(), finalOrder);
            assertEquals(playlists.playlist(playlist.id(), "owner").orElseThrow().trackCount(), finalOrder.size());
            assertEquals(THREADS * CHANGES_PER_THREAD, accepted.size() + stale.get() + invalid.get());
            assertTrue(stale.get() > 0, "some changes must have raced and been refused; got none");
            assertTrue(accepted.values().stream().filter(Accepted::positional).count() > 0, "some positional changes must have been accepted");
            System.out.printf("concurrent edits: %d accepted, %d stale (409), %d invalid%n", accepted.size(), stale.get(), invalid.get());
        }
    }

    /** Sends one random change based on what the thread saw; answers the new snapshot and how to replay it. */
    private static Map.Entry<String, Accepted> randomChange(DefaultPlaylistService playlists, String playlistId, Playlist seen, List<PlaylistEntry> seenOrder,
            String newTrack, Random random) {
        int size = seen.trackCount();
        String snapshot = seen.snapshotId();
        PlaylistEntry added = new PlaylistEntry(newTrack, java.time.Instant.EPOCH, "owner");
        switch (random.nextInt(5)) {
            case 0 -> {
                int position = random.nextInt(size + 1);
                String made = playlists.add(playlistId, "owner", List.of(newTrack), position, snapshot);
                return Map.entry(made, new Accepted(snapshot, true, order -> TrackOrder.insert(order, List.of(added), position)));
            }
            case 1 -> {
                String made = playlists.add(playlistId, "owner", List.of(newTrack), null, null);
                return Map.entry(made, new Accepted(null, false, order -> TrackOrder.insert(order, List.of(added), null)));
            }
            case 2 -> {
                int start = random.nextInt(Math.max(1, size));
                int length = 1 + random.nextInt(Math.max(1, Math.min(3, size - start)));
                int before = random.nextInt(size + 1);
                String made = playlists.reorder(playlistId, "owner", start, length, before, snapshot);
                return Map.entry(made, new Accepted(snapshot, true, order -> TrackOrder.reorder(order, start, length, before)));
            }
            case 3 -> {
                int position = random.nextInt(Math.max(1, Math.min(size, seenOrder.size())));
                String track = seenOrder.isEmpty() ? "none" : seenOrder.get(position).trackId();
                List<TrackRemoval> removal = List.of(new TrackRemoval(track, List.of(position)));
                String made = playlists.remove(playlistId, "owner", removal, snapshot);
                return Map.entry(made, new Accepted(snapshot, true, order -> TrackOrder.remove(order, removal)));
            }
            default -> {
                String track = seenOrder.isEmpty() ? "none" : seenOrder.get(random.nextInt(seenOrder.size())).trackId();
                List<TrackRemoval> removal = List.of(new TrackRemoval(track, List.of()));
                String made = playlists.remove(playlistId, "owner", removal, null);
                return Map.entry(made, new Accepted(null, false, order -> TrackOrder.remove(order, removal)));
            }
        }
    }
}
