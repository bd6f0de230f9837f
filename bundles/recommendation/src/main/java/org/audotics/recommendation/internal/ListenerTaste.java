package org.audotics.recommendation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.TasteProfile;
import org.audotics.history.api.TimeRange;
import org.audotics.recommendation.api.RecommendationContext;

/**
 * What one listener's history says for a recommendation: the tracks and artists they play, weighted, and the
 * tracks they banned.
 *
 * <p>Track weights blend the recent profile ({@link TimeRange#SHORT_TERM}, {@value #RECENT_SHARE} of the weight)
 * with the long-term one: each profile's scores are divided by its best score, so a listener with a long history
 * and one with a short one weigh alike, and the result is in (0, 1]. Artists the same way.
 *
 * @param tracks  track id to weight in (0, 1], heaviest first, at most {@link RecommendationContext#MAX_TASTE}
 * @param artists artist id to weight in (0, 1], heaviest first
 * @param bans    tracks the listener banned ({@link HistoryService#bannedTracks}, one indexed query)
 */
public record ListenerTaste(Map<String, Double> tracks, Map<String, Double> artists, Set<String> bans) {

    public static final ListenerTaste NONE = new ListenerTaste(Map.of(), Map.of(), Set.of());

    /** Share of the recent profile in a track's weight. */
    static final double RECENT_SHARE = 0.6;
    /** Tracks read from each profile. */
    static final int PROFILE_TRACKS = 100;

    public boolean isEmpty() {
        return tracks.isEmpty() && bans.isEmpty();
    }

    public static ListenerTaste read(HistoryService history, String userId) {
        TasteProfile recent = history.profile(userId, TimeRange.SHORT_TERM, PROFILE_TRACKS);
        TasteProfile always = history.profile(userId, TimeRange.LONG_TERM, PROFILE_TRACKS);
        Set<String> bans = history.bannedTracks(userId);
        Map<String, Double> tracks = blend(recent.tracks(), always.tracks(), RecommendationContext.MAX_TASTE);
        bans.forEach(tracks::remove);
        return new ListenerTaste(tracks, blend(recent.artists(), always.artists(), PROFILE_TRACKS), bans);
    }

    static Map<String, Double> blend(List<ScoredItem> recent, List<ScoredItem> always, int max) {
        Map<String, Double> weights = new LinkedHashMap<>();
        add(weights, recent, RECENT_SHARE);
        add(weights, always, 1 - RECENT_SHARE);
        Map<String, Double> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .forEach(entry -> sorted.put(entry.getKey(), Math.min(1.0, entry.getValue())));
        return sorted;
    }

    private static void add(Map<String, Double> weights, List<ScoredItem> items, double share) {
        double best = items.stream().mapToDouble(ScoredItem::score).max().orElse(0);
        if (best <= 0) {
            return;
        }
        for (ScoredItem item : items) {
            if (item.score() > 0) {
                weights.merge(item.id(), share * item.score() / best, Double::sum);
            }
        }
    }
}
