package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.ObjectSelect;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.TrackImport;

/**
 * Writes the own artists of the albums of an import batch. An album line that lists {@code artists}
 * replaces the album's artists (the batch's last such line wins); an album line without them leaves an
 * album that has artists as it is, and gives one that has none (a new album) the artists of the first track
 * of the batch that names it. So importing a featured artist's track of an album does not change who the
 * album is by.
 */
final class AlbumArtists {

    private AlbumArtists() {
    }

    /** @return the artists whose album credits were replaced (they lost an album, or kept it at another position) */
    static Set<String> write(ObjectContext context, List<TrackImport> batch, Map<String, String> albumIds, Map<String, String> artistIds) {
        Map<String, List<ArtistImport>> listed = new LinkedHashMap<>();
        Map<String, List<ArtistImport>> fallback = new LinkedHashMap<>();
        for (TrackImport line : batch) {
            if (line.album() == null) {
                continue;
            }
            String albumId = albumIds.get(line.album().externalId());
            if (!line.album().artists().isEmpty()) {
                listed.put(albumId, line.album().artists());
            }
            fallback.putIfAbsent(albumId, line.artists());
        }
        if (listed.isEmpty() && fallback.isEmpty()) {
            return Set.of();
        }
        Set<String> touched = new HashSet<>(listed.keySet());
        touched.addAll(fallback.keySet());
        Set<String> credited = new HashSet<>();
        List<AlbumArtistEntity> replaced = new ArrayList<>();
        for (List<String> chunk : Chunks.of(touched)) {
            for (AlbumArtistEntity row : ObjectSelect.query(AlbumArtistEntity.class).where(AlbumArtistEntity.ALBUM_ID.in(chunk)).select(context)) {
                credited.add(row.getAlbumId());
                if (listed.containsKey(row.getAlbumId())) {
                    replaced.add(row);
                }
            }
        }
        if (!replaced.isEmpty()) {
            // flushed before the new rows are created, because they reuse the same primary keys
            context.deleteObjects(replaced);
            context.commitChanges();
        }
        Set<String> uncredited = new HashSet<>();
        replaced.forEach(row -> uncredited.add(row.getArtistId()));
        Map<String, List<ArtistImport>> wanted = new LinkedHashMap<>(listed);
        fallback.forEach((albumId, artists) -> {
            if (!credited.contains(albumId)) {
                wanted.putIfAbsent(albumId, artists);
            }
        });
        wanted.forEach((albumId, artists) -> {
            for (int position = 0; position < artists.size(); position++) {
                AlbumArtistEntity credit = context.newObject(AlbumArtistEntity.class);
                credit.setAlbumId(albumId);
                credit.setPosition(position);
                credit.setArtistId(artistIds.get(artists.get(position).externalId()));
            }
        });
        context.commitChanges();
        return uncredited;
    }
}
