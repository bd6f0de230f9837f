package org.audotics.recommendation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;

/**
 * What any engine's answer must satisfy, applied after it answered (so an engine built against 1.0, which knows
 * nothing of exclusions, honours them too): known tracks only, within every {@code min}/{@code max} bound, no seed,
 * no excluded or banned track, no track of an excluded artist, no heard track when the policy says so, each track
 * once, at most {@code maxPerArtist} tracks credited to one artist (a track of several counts for each), best first,
 * at most {@code limit}.
 */
final class AnswerFilter {

    private AnswerFilter() {
    }

    /** True when the filter may drop tracks a plain 1.0 answer would keep: the engine is then asked for more. */
    static boolean narrows(RecommendationContext context) {
        return !context.exclusions().isEmpty() || context.capsArtists()
                || (context.alreadyHeard() == AlreadyHeard.EXCLUDE && !context.taste().isEmpty());
    }

    /**
     * @param proposed the engine's answer, possibly null or with nulls
     * @param tracks   the catalog records of the proposed tracks that exist
     */
    static List<Recommendation> apply(List<ScoredTrack> proposed, Map<String, Track> tracks,
            RecommendationRequest request, int limit) {
        if (proposed == null || proposed.isEmpty()) {
            return List.of();
        }
        RecommendationContext context = request.context();
        Set<String> seen = new HashSet<>(request.seedTrackIds());
        if (context.alreadyHeard() == AlreadyHeard.EXCLUDE) {
            seen.addAll(context.taste().keySet());
        }
        // a repeated track keeps its first score (as before 1.2); stable sort: the engine's order among equals
        Set<String> proposedOnce = new HashSet<>();
        List<ScoredTrack> ranked = new ArrayList<>(proposed.stream()
                .filter(scored -> scored != null && proposedOnce.add(scored.trackId())).toList());
        ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
        Map<String, Integer> perArtist = new HashMap<>();
        List<Recommendation> kept = new ArrayList<>();
        for (ScoredTrack scored : ranked) {
            if (kept.size() == limit) {
                break;
            }
            Track track = tracks.get(scored.trackId());
            if (track == null || !request.admits(track) || seen.contains(track.id())) {
                continue;
            }
            List<String> artists = track.artists().stream().map(ArtistRef::id).distinct().toList();
            if (context.exclusions().excludes(track.id(), artists)) {
                continue;
            }
            if (context.capsArtists()
                    && artists.stream().anyMatch(artist -> perArtist.getOrDefault(artist, 0) >= context.maxPerArtist())) {
                continue;
            }
            seen.add(track.id());
            artists.forEach(artist -> perArtist.merge(artist, 1, Integer::sum));
            kept.add(new Recommendation(track, scored.score(), scored.explanation(), scored.source()));
        }
        return List.copyOf(kept);
    }
}
