package org.audotics.recommendation.internal.discovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.history.api.StoredEvent;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistService;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes discovery playlists: for one listener, tracks they have not heard (any event of theirs on a track in the
 * history counts as heard) and have not banned, at most {@code maxPerArtist} per artist, from the serving engine
 * through {@link RecommendationService} (the listener as caller, the already-heard policy {@code exclude}), into one
 * playlist of their library that keeps its id from run to run ({@link PlaylistService#replace}). Who writes is
 * decided by {@link DiscoveryClaims}: per listener, and for a whole run one row {@value #RUN_KEY}.
 * Only API services: history-api to read, library-api to write, recommendation-api to choose.
 */
public final class DiscoveryWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryWriter.class);

    /** The claims row of a whole run (not a user id: user ids never start with '~'). */
    static final String RUN_KEY = "~run";
    static final int PAGE = 10_000;
    static final String DESCRIPTION = "Tracks you have not heard yet, chosen for you by Audotics and renewed on schedule";

    /** How one listener's refresh ended. */
    public enum Status {
        /** The playlist holds new tracks. */
        WRITTEN,
        /** No listening history: nothing to recommend from, no playlist written. */
        NO_HISTORY,
        /** The engine proposed no track the listener has not heard: the playlist was left as it was. */
        NOTHING_NEW,
        /** Another node (or request) writes it now, or the schedule's period is already written. */
        SKIPPED
    }

    /** @param producers who produced the written tracks (the engine's name for its own, else the fallback's) */
    public record Outcome(String userId, Status status, String playlistId, List<String> trackIds, String engine, Map<String, Integer> producers) {
    }

    /** A run over every listener. */
    public record RunSummary(int listeners, int written, int skipped, int noHistory, int nothingNew, int failed) {
    }

    public record Settings(long intervalMillis, int size, int maxPerArtist, double exploration, String playlistName, long claimMillis) {
    }

    private final RecommendationService recommendations;
    private final HistoryService history;
    private final PlaylistService playlists;
    private final DiscoveryClaims claims;
    private final Clock clock;
    private final String holder;
    private final Settings settings;

    DiscoveryWriter(RecommendationService recommendations, HistoryService history, PlaylistService playlists, DiscoveryClaims claims,
                    Clock clock, String holder, Settings settings) {
        this.recommendations = recommendations;
        this.history = history;
        this.playlists = playlists;
        this.claims = claims;
        this.clock = clock;
        this.holder = holder;
        this.settings = settings;
    }

    /** The schedule's period now: epoch millis / the interval (weeks from Thursday 1 January 1970 by default). */
    long period() {
        return clock.millis() / settings.intervalMillis();
    }

    Settings settings() {
        return settings;
    }

    /**
     * Refreshes one listener's playlist.
     *
     * @param size      tracks wanted, 1..{@value PlaylistService#MAX_TRACKS_PER_CHANGE}
     * @param scheduled true for the schedule (skipped when this period's playlist is written), false on demand
     */
    Outcome refresh(String userId, int size, boolean scheduled) {
        long period = period();
        Optional<DiscoveryClaims.Claim> claim = claims.tryClaim(userId, holder, settings.claimMillis(), scheduled ? period : null);
        if (claim.isEmpty()) {
            return new Outcome(userId, Status.SKIPPED, null, List.of(), null, Map.of());
        }
        boolean finished = false;
        try {
            Set<String> heard = heard(userId);
            if (heard.isEmpty()) {
                return new Outcome(userId, Status.NO_HISTORY, claim.get().playlistId(), List.of(), null, Map.of());
            }
            Set<String> banned = history.bannedTracks(userId);
            Recommendations answer;
            try {
                answer = recommendations.recommend(request(userId, heard), RecommendationService.MAX_LIMIT);
            } catch (NoSeedException noTaste) {
                return new Outcome(userId, Status.NO_HISTORY, claim.get().playlistId(), List.of(), null, Map.of());
            }
            List<String> picks = new ArrayList<>();
            Map<String, Integer> perArtist = new HashMap<>();
            Map<String, Integer> producers = new LinkedHashMap<>();
            for (Recommendation r : answer.tracks()) {
                String id = r.track().id();
                List<String> artists = r.track().artists().stream().map(ArtistRef::id).distinct().toList();
                if (picks.size() == size || heard.contains(id) || banned.contains(id) || picks.contains(id)
                        || artists.stream().anyMatch(a -> perArtist.getOrDefault(a, 0) >= settings.maxPerArtist())) {
                    continue;
                }
                picks.add(id);
                artists.forEach(a -> perArtist.merge(a, 1, Integer::sum));
                producers.merge(r.source() == null ? answer.engine().name() : r.source(), 1, Integer::sum);
            }
            if (picks.isEmpty()) {
                return new Outcome(userId, Status.NOTHING_NEW, claim.get().playlistId(), List.of(), answer.engine().name(), Map.of());
            }
            String playlistId = claim.get().playlistId();
            if (playlistId == null || playlists.playlist(playlistId, userId).isEmpty()) {
                // the first run, or the listener deleted it: a new one (its id is kept from now on)
                playlistId = playlists.create(userId, new PlaylistDetails(settings.playlistName(), DESCRIPTION, false, false)).id();
            }
            playlists.replace(playlistId, userId, picks);
            claims.finish(userId, holder, playlistId, period);
            finished = true;
            return new Outcome(userId, Status.WRITTEN, playlistId, List.copyOf(picks), answer.engine().name(), producers);
        } finally {
            if (!finished) {
                claims.release(userId, holder);
            }
        }
    }

    /** The request: the listener as caller, no seed (the service seeds it from their taste), the artist cap. */
    private RecommendationRequest request(String userId, Set<String> heard) {
        // the most recently heard tracks excluded by the engine itself (at most 100); the rest are filtered here
        List<String> recent = new ArrayList<>(heard);
        Set<String> excluded = new LinkedHashSet<>(recent.subList(Math.max(0, recent.size() - Exclusions.MAX_EXCLUDED), recent.size()));
        RecommendationContext context = new RecommendationContext(Caller.user(userId), new Exclusions(excluded, Set.of(), Set.of()),
                settings.maxPerArtist(), settings.exploration(), false, AlreadyHeard.EXCLUDE, Map.of());
        return new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null, context);
    }

    /** Every track the listener has an event on, oldest first. */
    private Set<String> heard(String userId) {
        Set<String> heard = new LinkedHashSet<>();
        StoredEvent after = null;
        while (true) {
            List<StoredEvent> page = history.events(userId, after, PAGE);
            for (StoredEvent e : page) {
                heard.remove(e.event().trackId());
                heard.add(e.event().trackId());
            }
            if (page.size() < PAGE) {
                return heard;
            }
            after = page.get(page.size() - 1);
        }
    }

    /**
     * One run over every listener with history (read from the history's interactions, a page at a time), when this
     * node claims the run: the schedule claims it once per period, on demand whenever no other run holds it.
     *
     * @param scheduled true for the schedule: only a period not yet run, and each listener not yet written in it
     * @param stop      asked between listeners: true stops the run (the component is deactivated)
     * @return the summary, or empty when another node runs it (or, scheduled, this period's run is done)
     */
    Optional<RunSummary> runAll(boolean scheduled, BooleanSupplier stop) {
        long period = period();
        long runClaim = Math.max(settings.claimMillis(), 60_000);
        if (claims.tryClaim(RUN_KEY, holder, runClaim, scheduled ? period : null).isEmpty()) {
            return Optional.empty();
        }
        boolean finished = false;
        try {
            Set<String> listeners = listeners();
            int written = 0, skipped = 0, noHistory = 0, nothingNew = 0, failed = 0;
            for (String userId : listeners) {
                if (stop.getAsBoolean()) {
                    break;
                }
                try {
                    switch (refresh(userId, settings.size(), scheduled).status()) {
                        case WRITTEN -> written++;
                        case SKIPPED -> skipped++;
                        case NO_HISTORY -> noHistory++;
                        case NOTHING_NEW -> nothingNew++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("Discovery playlist of {} not written: {}", userId, e.toString());
                }
                if (!claims.renew(RUN_KEY, holder, runClaim)) {
                    LOG.warn("Discovery run lost its claim; another node continues");
                    return Optional.of(new RunSummary(listeners.size(), written, skipped, noHistory, nothingNew, failed));
                }
            }
            if (!stop.getAsBoolean()) {
                claims.finish(RUN_KEY, holder, null, period);
                finished = true;
            }
            RunSummary summary = new RunSummary(listeners.size(), written, skipped, noHistory, nothingNew, failed);
            LOG.info("Discovery run for period {}: {}", period, summary);
            return Optional.of(summary);
        } finally {
            if (!finished) {
                claims.release(RUN_KEY, holder);
            }
        }
    }

    /** The listeners with at least one stored event. */
    private Set<String> listeners() {
        Set<String> users = new LinkedHashSet<>();
        long after = 0;
        while (true) {
            List<Interaction> page = history.interactions(after, PAGE);
            page.forEach(i -> users.add(i.userId()));
            if (page.size() < PAGE) {
                return users;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }

    /** For tests: the tracks heard, as the writer reads them. */
    Set<String> heardBy(String userId) {
        return new HashSet<>(heard(userId));
    }
}
