package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.ObjectSelect;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Image;

/**
 * Builds {@link Album} records from rows: own artists, and from the album's tracks their count, highest
 * popularity and genres, with one batched query per kind (never one query per album).
 */
final class AlbumAssembler {

    private AlbumAssembler() {
    }

    /** @return the albums found, keyed by id, in the order of {@code ids} */
    static Map<String, Album> albums(ObjectContext context, Collection<String> ids) {
        List<String> unique = ids.stream().distinct().toList();
        Map<String, AlbumEntity> rows = TrackAssembler.byId(context, AlbumEntity.class, AlbumEntity.ID, unique, AlbumEntity::getId);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ArtistRef>> artists = TrackAssembler.albumArtists(context, rows.keySet());
        Map<String, List<Image>> images = EntityImages.of(context, EntityImages.Owner.ALBUM, rows.keySet());
        Map<String, int[]> sizeAndPopularity = new HashMap<>();
        Map<String, List<String>> genres = new HashMap<>();
        for (List<String> chunk : Chunks.of(rows.keySet())) {
            SQLSelect.columnQuery("SELECT album_id, COUNT(*) AS tracks, MAX(popularity) AS popularity FROM track WHERE album_id IN (#bind($ids)) GROUP BY album_id")
                    .param("ids", chunk).select(context)
                    .forEach(row -> sizeAndPopularity.put((String) row[0], new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()}));
            Genres.collect(context, "SELECT t.album_id, g.genre, COUNT(*) AS tracks FROM track t JOIN track_genre g ON g.track_id = t.id"
                    + " WHERE t.album_id IN (#bind($ids)) GROUP BY t.album_id, g.genre", chunk, genres);
        }
        Map<String, Album> albums = new LinkedHashMap<>();
        for (String id : unique) {
            AlbumEntity row = rows.get(id);
            if (row != null) {
                int[] aggregate = sizeAndPopularity.getOrDefault(id, new int[] {0, 0});
                albums.put(id, new Album(id, row.getExternalId(), row.getName(), row.getAlbumType(),
                        artists.getOrDefault(id, List.of()), row.getReleaseDate(), aggregate[0], genres.getOrDefault(id, List.of()),
                        row.getLabel(), aggregate[1], images.getOrDefault(id, List.of())));
            }
        }
        return albums;
    }

    /** The album rows of these ids (without aggregates), for sorting and filtering a discography. */
    static List<AlbumEntity> rows(ObjectContext context, Collection<String> ids) {
        List<AlbumEntity> rows = new ArrayList<>();
        for (List<String> chunk : Chunks.of(ids)) {
            rows.addAll(ObjectSelect.query(AlbumEntity.class).where(AlbumEntity.ID.in(chunk)).select(context));
        }
        return rows;
    }
}
