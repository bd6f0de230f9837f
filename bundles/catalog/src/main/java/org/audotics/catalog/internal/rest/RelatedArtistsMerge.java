package org.audotics.catalog.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.Artist;

/**
 * The related-artists rule (docs/api.md): artists sharing listeners with this one first, in the history's order
 * (only those the catalog knows), then the catalog's genre-and-sound ranking fills what is left; never the artist
 * itself, never one artist twice, at most {@code max}. With no co-listened artist the answer is the genre-and-sound
 * ranking unchanged, which is what keeps the endpoint as it was where no history is installed or nobody listens.
 */
final class RelatedArtistsMerge {

    private RelatedArtistsMerge() {
    }

    /**
     * @param coListenedIds   artist ids from the history, most similar first (may name artists the catalog lost)
     * @param known           the catalog's artists among them, by id
     * @param byGenreAndSound the catalog's own ranking, best first
     */
    static List<Artist> listenersFirst(String artistId, List<String> coListenedIds, Map<String, Artist> known, List<Artist> byGenreAndSound,
            int max) {
        Map<String, Artist> related = new LinkedHashMap<>();
        for (String id : coListenedIds) {
            Artist artist = known.get(id);
            if (artist != null && !id.equals(artistId) && related.size() < max) {
                related.putIfAbsent(id, artist);
            }
        }
        for (Artist artist : byGenreAndSound) {
            if (!artist.id().equals(artistId) && related.size() < max) {
                related.putIfAbsent(artist.id(), artist);
            }
        }
        return new ArrayList<>(related.values());
    }
}
