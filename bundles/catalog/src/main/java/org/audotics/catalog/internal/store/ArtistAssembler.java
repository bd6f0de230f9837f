package org.audotics.catalog.internal.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.Image;

/**
 * Builds {@link Artist} records from rows, with the genres and highest popularity of the tracks credited to
 * each artist, one batched query per kind.
 */
final class ArtistAssembler {

    private ArtistAssembler() {
    }

    /** @return the artists found, keyed by id, in the order of {@code ids} */
    static Map<String, Artist> artists(ObjectContext context, Collection<String> ids) {
        List<String> unique = ids.stream().distinct().toList();
        Map<String, ArtistEntity> rows = TrackAssembler.byId(context, ArtistEntity.class, ArtistEntity.ID, unique, ArtistEntity::getId);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> popularity = new HashMap<>();
        Map<String, List<Image>> images = EntityImages.of(context, EntityImages.Owner.ARTIST, rows.keySet());
        Map<String, List<String>> genres = new HashMap<>();
        for (List<String> chunk : Chunks.of(rows.keySet())) {
            SQLSelect.columnQuery("SELECT ta.artist_id, MAX(t.popularity) AS popularity FROM track_artist ta JOIN track t ON t.id = ta.track_id"
                    + " WHERE ta.artist_id IN (#bind($ids)) GROUP BY ta.artist_id")
                    .param("ids", chunk).select(context)
                    .forEach(row -> popularity.put((String) row[0], ((Number) row[1]).intValue()));
            Genres.collect(context, "SELECT ta.artist_id, g.genre, COUNT(DISTINCT ta.track_id) AS tracks FROM track_artist ta"
                    + " JOIN track_genre g ON g.track_id = ta.track_id WHERE ta.artist_id IN (#bind($ids)) GROUP BY ta.artist_id, g.genre",
                    chunk, genres);
        }
        Map<String, Artist> artists = new LinkedHashMap<>();
        for (String id : unique) {
            ArtistEntity row = rows.get(id);
            if (row != null) {
                artists.put(id, new Artist(id, row.getExternalId(), row.getName(), genres.getOrDefault(id, List.of()),
                        popularity.getOrDefault(id, 0), images.getOrDefault(id, List.of())));
            }
        }
        return artists;
    }
}
