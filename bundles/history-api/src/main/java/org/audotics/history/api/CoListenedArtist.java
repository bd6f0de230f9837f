package org.audotics.history.api;

import java.util.Objects;

/**
 * An artist whose listeners overlap another artist's, as answered by {@link HistoryService#coListenedArtists}.
 *
 * @param artistId        the catalog id of the co-listened artist
 * @param similarity      the cosine similarity of the two artists' listener sets, in (0, 1] (see
 *                        {@link HistoryService#coListenedArtists} for how it is estimated)
 * @param sharedListeners how many of the sampled listeners of the asked artist also listen to this one, at least
 *                        {@value HistoryService#MIN_SHARED_LISTENERS}
 * @since 1.1
 */
public record CoListenedArtist(String artistId, double similarity, int sharedListeners) {

    public CoListenedArtist {
        Objects.requireNonNull(artistId, "artistId");
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        if (sharedListeners < 1) {
            throw new IllegalArgumentException("sharedListeners must be at least 1, was " + sharedListeners);
        }
    }
}
