package org.audotics.recommendation.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.EventType;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.StoredEvent;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistService;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.recommendation.internal.discovery.DiscoveryWriter.Status;
import org.junit.jupiter.api.Test;

/**
 * The writer over fakes: a history where u1 heard t0..t4 and banned t5, an engine that proposes t0..t19 (artists
 * a0..a4, four tracks each), a library that keeps playlists in memory, claims in memory as the database keeps them.
 */
class DiscoveryWriterTest {

    private final Map<String, List<String>> heard = new HashMap<>();
    private final Map<String, Set<String>> bans = new HashMap<>();
    private final List<RecommendationRequest> asked = new ArrayList<>();
    private final Map<String, Playlist> library = new LinkedHashMap<>();
    private final Map<String, List<String>> tracks = new HashMap<>();
    private final MemoryClaims claims = new MemoryClaims();
    private long now = TimeUnit.DAYS.toMillis(7 * 100 + 1);

    DiscoveryWriterTest() {
        heard.put("u1", List.of("t0", "t1", "t2", "t3", "t4", "t5"));
        bans.put("u1", Set.of("t5"));
        heard.put("u2", List.of("t9"));
    }

    private static Track track(int n) {
        return new Track("t" + n, "x" + n, "Track " + n, List.of(new ArtistRef("a" + (n % 5), "Artist " + (n % 5))), null,
                List.of("rock"), 50, 200_000, false, 1, 1, null);
    }

    private final RecommendationService engine = new RecommendationService() {
        @Override
        public Recommendations recommend(RecommendationRequest request, int limit) {
            asked.add(request);
            if (!heard.containsKey(request.context().caller().userIds().get(0))) {
                throw new NoSeedException();
            }
            List<Recommendation> out = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                out.add(new Recommendation(track(n), 1 - n / 20.0, org.audotics.recommendation.api.Explanation.NONE, n >= 15 ? "feature-knn" : null));
            }
            return new Recommendations(out, new EngineInfo("hybrid", null, "b", "1", 0));
        }

        @Override
        public Recommendations similar(String trackId, RecommendationContext context, String market, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineInfo activeEngine() {
            return new EngineInfo("hybrid", null, "b", "1", 0);
        }
    };

    private final HistoryService history = (HistoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HistoryService.class}, (proxy, method, args) -> switch (method.getName()) {
                case "events" -> {
                    StoredEvent after = (StoredEvent) args[1];
                    List<StoredEvent> out = new ArrayList<>();
                    List<String> ids = heard.getOrDefault((String) args[0], List.of());
                    for (int i = after == null ? 0 : (int) after.sequence() + 1; i < ids.size() && out.size() < (int) args[2]; i++) {
                        out.add(new StoredEvent(i, new ListeningEvent(EventType.PLAY, ids.get(i), Instant.EPOCH, 1000, null), 1));
                    }
                    yield out;
                }
                case "bannedTracks" -> bans.getOrDefault((String) args[0], Set.of());
                case "interactions" -> {
                    List<Interaction> out = new ArrayList<>();
                    long seq = 0;
                    for (var e : heard.entrySet()) {
                        for (String t : e.getValue()) {
                            if (++seq > (long) args[0] && out.size() < (int) args[1]) {
                                out.add(new Interaction(seq, e.getKey(), t, 1, Instant.EPOCH));
                            }
                        }
                    }
                    yield out;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final PlaylistService playlists = (PlaylistService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PlaylistService.class}, (proxy, method, args) -> switch (method.getName()) {
                case "create" -> {
                    PlaylistDetails d = (PlaylistDetails) args[1];
                    Playlist p = new Playlist("p" + (library.size() + 1), (String) args[0], d.name(), d.description(), false, false, "s0", 0, 1,
                            Instant.EPOCH);
                    library.put(p.id(), p);
                    yield p;
                }
                case "playlist" -> Optional.ofNullable(library.get((String) args[0]));
                case "replace" -> {
                    @SuppressWarnings("unchecked")
                    List<String> ids = (List<String>) args[2];
                    tracks.put((String) args[0], List.copyOf(ids));
                    yield "s1";
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private DiscoveryWriter writer(String holder) {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now);
            }
        };
        claims.clock = () -> now;
        return new DiscoveryWriter(engine, history, playlists, claims, clock, holder,
                new DiscoveryWriter.Settings(TimeUnit.DAYS.toMillis(7), 6, 1, 0.6, "Audotics Discovery", 300_000));
    }

    @Test
    void writesUnheardUnbannedTracksWithTheArtistCapIntoOnePlaylistThatKeepsItsId() {
        DiscoveryWriter writer = writer("node-a");
        DiscoveryWriter.Outcome first = writer.refresh("u1", 6, false);
        assertEquals(Status.WRITTEN, first.status());
        List<String> written = tracks.get(first.playlistId());
        // t0..t5 heard (t5 banned too); one per artist: t6 (a1), t7 (a2), t8 (a3), t9 (a4), t10 (a0); then every artist is used
        assertEquals(List.of("t6", "t7", "t8", "t9", "t10"), written);
        assertEquals("Audotics Discovery", library.get(first.playlistId()).name());
        assertEquals(Map.of("hybrid", 5), first.producers());
        // the engine was asked for the listener, excluding what they heard, with the cap
        RecommendationContext context = asked.get(0).context();
        assertEquals(List.of("u1"), context.caller().userIds());
        assertEquals(AlreadyHeard.EXCLUDE, context.alreadyHeard());
        assertEquals(1, context.maxPerArtist());
        assertTrue(context.exclusions().trackIds().containsAll(List.of("t0", "t4")));
        assertTrue(context.exclusions().bannedTrackIds().isEmpty(), "left empty so the service reads the taste and the bans");
        // again: the same playlist, rewritten; no second playlist
        heard.put("u1", List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"));
        DiscoveryWriter.Outcome second = writer.refresh("u1", 6, false);
        assertEquals(first.playlistId(), second.playlistId());
        assertEquals(1, library.size());
        assertFalse(tracks.get(second.playlistId()).contains("t6") || tracks.get(second.playlistId()).contains("t7"), tracks.toString());
        assertEquals(null, claims.rows.get("u1").holder, "the claim is freed");
    }

    @Test
    void aListenerClaimedElsewhereIsSkippedAndTheScheduleWritesEachListenerOncePerPeriod() {
        DiscoveryWriter a = writer("node-a");
        DiscoveryWriter b = writer("node-b");
        claims.tryClaim("u1", "node-b", 300_000, null);
        assertEquals(Status.SKIPPED, a.refresh("u1", 6, false).status(), "node-b writes it now");
        assertTrue(tracks.isEmpty());
        claims.release("u1", "node-b");
        assertEquals(Status.WRITTEN, a.refresh("u1", 6, true).status());
        assertEquals(Status.SKIPPED, b.refresh("u1", 6, true).status(), "this period is written");
        assertEquals(Status.WRITTEN, b.refresh("u1", 6, false).status(), "on demand it is written again");
        now += TimeUnit.DAYS.toMillis(7);
        assertEquals(Status.WRITTEN, b.refresh("u1", 6, true).status(), "the next period");
        assertEquals(1, library.size());
    }

    @Test
    void withoutHistoryNothingIsWrittenAndTheClaimIsFreed() {
        DiscoveryWriter writer = writer("node-a");
        assertEquals(Status.NO_HISTORY, writer.refresh("nobody", 6, false).status());
        assertTrue(library.isEmpty());
        assertEquals(null, claims.rows.get("nobody").holder);
    }

    @Test
    void aRunWritesEveryListenerWithHistoryOncePerPeriodOnOneNode() {
        DiscoveryWriter a = writer("node-a");
        DiscoveryWriter b = writer("node-b");
        DiscoveryWriter.RunSummary summary = a.runAll(true, () -> false).orElseThrow();
        assertEquals(2, summary.listeners());
        assertEquals(2, summary.written());
        assertEquals(2, library.size());
        assertTrue(b.runAll(true, () -> false).isEmpty(), "the period's run is done");
        assertEquals(2, b.runAll(false, () -> false).orElseThrow().written(), "on demand it runs again");
        assertEquals(2, library.size(), "the same playlists");
        // u2 heard t9: never in their playlist
        String u2 = library.values().stream().filter(p -> p.ownerId().equals("u2")).findFirst().orElseThrow().id();
        assertFalse(tracks.get(u2).contains("t9"), tracks.toString());
    }

    /** Claims as {@link DiscoveryStore} keeps them, in memory. */
    static final class MemoryClaims implements DiscoveryClaims {
        static final class Row {
            String playlistId;
            long period = -1;
            String holder;
            long until;
        }

        final Map<String, Row> rows = new HashMap<>();
        java.util.function.LongSupplier clock = System::currentTimeMillis;

        @Override
        public synchronized Optional<Claim> tryClaim(String userId, String holder, long ttlMillis, Long stalerThan) {
            long now = clock.getAsLong();
            Row row = rows.get(userId);
            if (row == null) {
                row = new Row();
                rows.put(userId, row);
            } else if (row.until >= now || (stalerThan != null && row.period >= stalerThan)) {
                return Optional.empty();
            }
            row.holder = holder;
            row.until = now + ttlMillis;
            return Optional.of(new Claim(userId, row.playlistId));
        }

        @Override
        public synchronized void finish(String userId, String holder, String playlistId, long period) {
            Row row = rows.get(userId);
            if (holder.equals(row.holder)) {
                row.playlistId = playlistId;
                row.period = period;
                row.holder = null;
                row.until = 0;
            }
        }

        @Override
        public synchronized boolean renew(String userId, String holder, long ttlMillis) {
            Row row = rows.get(userId);
            if (row != null && holder.equals(row.holder)) {
                row.until = clock.getAsLong() + ttlMillis;
                return true;
            }
            return false;
        }

        @Override
        public synchronized void release(String userId, String holder) {
            Row row = rows.get(userId);
            if (row != null && holder.equals(row.holder)) {
                row.holder = null;
                row.until = 0;
            }
        }
    }
}
