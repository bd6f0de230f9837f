package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.ObjectSelect;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.ArtistAlbum;
import org.audotics.catalog.api.Page;

/**
 * An artist's albums ({@link org.audotics.catalog.api.CatalogService#artistAlbums}): the album ids are read
 * whole (an artist has few albums), sorted and filtered on the album rows, and only the page is assembled.
 */
final class Discography {

    /** Newest first; an undated album last; then by name and id, so pages are stable. */
    private static final Comparator<AlbumEntity> ORDER = Comparator
            .comparing(AlbumEntity::getReleaseDate, Comparator.nullsLast(Comparator.<String>reverseOrder()))
            .thenComparing(AlbumEntity::getName)
            .thenComparing(AlbumEntity::getId);

    private Discography() {
    }

    static Page<ArtistAlbum> page(ObjectContext context, String artistId, Set<String> groups, int offset, int limit) {
        Set<String> own = new HashSet<>(ObjectSelect.columnQuery(AlbumArtistEntity.class, AlbumArtistEntity.ALBUM_ID)
                .where(AlbumArtistEntity.ARTIST_ID.eq(artistId)).select(context));
        Set<String> all = new HashSet<>(own);
        if (groups.contains(ArtistAlbum.APPEARS_ON)) {
            all.addAll(SQLSelect.scalarQuery("SELECT DISTINCT t.album_id FROM track t JOIN track_artist ta ON ta.track_id = t.id"
                    + " WHERE ta.artist_id = #bind($artist) AND t.album_id IS NOT NULL", String.class)
                    .param("artist", artistId).select(context));
        }
        Map<String, String> groupOf = new LinkedHashMap<>();
        List<AlbumEntity> rows = new ArrayList<>(AlbumAssembler.rows(context, all));
        rows.sort(ORDER);
        for (AlbumEntity row : rows) {
            String group = own.contains(row.getId()) ? row.getAlbumType() : ArtistAlbum.APPEARS_ON;
            if (groups.contains(group)) {
                groupOf.put(row.getId(), group);
            }
        }
        Page<String> ids = Page.of(List.copyOf(groupOf.keySet()), offset, limit);
        Map<String, Album> albums = AlbumAssembler.albums(context, ids.items());
        return new Page<>(ids.items().stream().map(id -> new ArtistAlbum(albums.get(id), groupOf.get(id))).toList(),
                ids.offset(), ids.total());
    }
}
