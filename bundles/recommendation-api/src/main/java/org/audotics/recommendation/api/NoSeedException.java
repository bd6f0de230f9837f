package org.audotics.recommendation.api;

/**
 * A listener's request without seeds, from a listener without history to seed it with: nothing to recommend
 * from. The REST edge answers 422 {@code no_seed}, as for an anonymous request without seeds.
 *
 * @since 1.2
 */
public class NoSeedException extends InvalidRecommendationRequestException {

    private static final long serialVersionUID = 1L;

    public NoSeedException() {
        super("no seed given and no listening history to recommend from; give seed_tracks, seed_artists or seed_genres");
    }
}
