package org.audotics.recommender.hybrid.internal.engine;

import org.audotics.catalog.api.Track;

/**
 * One track the engine chose, with what chose it, for {@link HybridExplanations}. Scores are min–max normalised over
 * the request's candidates, in [0, 1], or NaN when that signal took no part.
 *
 * @param coListening similarity to the seeds from the model (factor cosine + RP3β weight)
 * @param taste       the listener's own model score
 * @param popularity  ln(1 + listeners) / ln(1 + most listeners) in the model, NaN for a content pick
 * @param sound       audio-feature closeness to the seeds (content fallback picks), else NaN
 * @param because     the listener's track (catalog id) whose neighbours brought it, or null
 */
record Pick(Track track, double coListening, double taste, double popularity, double sound, String because) {

    /** A pick of the content fallback. */
    static Pick bySound(Track track, double sound) {
        return new Pick(track, Double.NaN, Double.NaN, Double.NaN, sound, null);
    }

    String trackId() {
        return track.id();
    }
}
