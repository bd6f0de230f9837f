package org.audotics.recommendation.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who is asking and what the answer must leave out, beside the seeds and bounds of a
 * {@link RecommendationRequest} ({@link RecommendationRequest#context()}).
 *
 * <p>The recommendation service enforces {@link #exclusions()}, {@link #maxPerArtist()} and
 * {@link #alreadyHeard()} on every engine's answer (an engine built against 1.0 never sees them and still honours
 * them); an engine that reads them can skip those tracks itself and fill its answer with others.
 * {@link #exploration()}, {@link #taste()} and {@link #explain()} are hints only an engine can act on.
 *
 * @param caller       who the answer is for; {@link Caller#ANONYMOUS} for an app's own token or the admin token
 * @param exclusions   tracks and artists the answer must not contain, the caller's bans among them
 * @param maxPerArtist at most this many tracks credited to one artist (a track of several artists counts for each),
 *                     1..{@value RecommendationService#MAX_LIMIT}; {@value #NO_ARTIST_CAP} for no cap
 * @param exploration  0..1: 0 favours what the listener knows (their artists, their sound), 1 what is new to
 *                     them; {@value #DEFAULT_EXPLORATION} when not asked
 * @param explain      whether the engine should fill {@link ScoredTrack#explanation()} (it costs time)
 * @param alreadyHeard what to do with tracks the listener has played
 * @param taste        the listener's taste as the service read it from their history: catalog track id to weight
 *                     in (0, 1], heaviest first, at most {@value #MAX_TASTE} tracks (recent plays blended with
 *                     long-term ones; for a group, the members' tastes by weight); empty for an anonymous caller
 *                     or a listener without history. An engine that keeps its own model of the caller may ignore it
 * @throws InvalidRecommendationRequestException when a number is out of its range
 * @since 1.2
 */
public record RecommendationContext(Caller caller, Exclusions exclusions, int maxPerArtist, double exploration,
        boolean explain, AlreadyHeard alreadyHeard, Map<String, Double> taste) {

    /** {@link #maxPerArtist()} when there is no cap. */
    public static final int NO_ARTIST_CAP = 0;
    /** {@link #exploration()} when the client did not ask. */
    public static final double DEFAULT_EXPLORATION = 0.3;
    /** Tracks {@link #taste()} holds at most. */
    public static final int MAX_TASTE = 200;

    /** No caller, no exclusion, no cap, no explanation: what a request of version 1.0 meant. */
    public static final RecommendationContext NONE = new RecommendationContext(Caller.ANONYMOUS, Exclusions.NONE,
            NO_ARTIST_CAP, DEFAULT_EXPLORATION, false, AlreadyHeard.ALLOW, Map.of());

    public RecommendationContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(alreadyHeard, "alreadyHeard");
        if (maxPerArtist < 0 || maxPerArtist > RecommendationService.MAX_LIMIT) {
            throw new InvalidRecommendationRequestException("max_per_artist must be a whole number between 1 and "
                    + RecommendationService.MAX_LIMIT);
        }
        if (!(exploration >= 0 && exploration <= 1)) {
            throw new InvalidRecommendationRequestException("exploration must be between 0 and 1");
        }
        Objects.requireNonNull(taste, "taste");
        if (taste.size() > MAX_TASTE) {
            throw new IllegalArgumentException("taste holds at most " + MAX_TASTE + " tracks, got " + taste.size());
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        taste.forEach((id, weight) -> {
            if (id == null || weight == null || !(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("taste weights must be in (0, 1], " + id + " has " + weight);
            }
            copy.put(id, weight);
        });
        taste = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when at most {@link #maxPerArtist()} tracks per artist may be answered. */
    public boolean capsArtists() {
        return maxPerArtist != NO_ARTIST_CAP;
    }

    public RecommendationContext withCaller(Caller newCaller) {
        return new RecommendationContext(newCaller, exclusions, maxPerArtist, exploration, explain, alreadyHeard, taste);
    }

    public RecommendationContext withExclusions(Exclusions newExclusions) {
        return new RecommendationContext(caller, newExclusions, maxPerArtist, exploration, explain, alreadyHeard, taste);
    }

    public RecommendationContext withTaste(Map<String, Double> newTaste) {
        return new RecommendationContext(caller, exclusions, maxPerArtist, exploration, explain, alreadyHeard, newTaste);
    }
}
