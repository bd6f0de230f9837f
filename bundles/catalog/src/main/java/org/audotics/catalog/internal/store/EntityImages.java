package org.audotics.catalog.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.SQLExec;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.api.TrackImport;

/**
 * The images of albums ({@code album_image}) and artists ({@code artist_image}): what a batch gives, written as
 * rows (both import paths: Cayenne's context and plain JDBC), and read back as {@link Image}s, a stored image as its
 * renditions. One row per image in order; a stored image is one row naming it.
 */
final class EntityImages {

    /** Which entity's images: the table and its key column. */
    enum Owner {
        ALBUM("album_image", "album_id"), ARTIST("artist_image", "artist_id");

        final String table;
        final String key;

        Owner(String table, String key) {
            this.table = table;
            this.key = key;
        }
    }

    private EntityImages() {
    }

    /** The images the batch gives its albums, by album external id (the last line naming an album wins); albums without are absent. */
    static Map<String, List<Image>> givenForAlbums(List<TrackImport> batch) {
        Map<String, List<Image>> given = new LinkedHashMap<>();
        for (TrackImport line : batch) {
            if (line.album() != null && line.album().images() != null) {
                given.put(line.album().externalId(), line.album().images());
            }
        }
        return given;
    }

    /** The images the batch gives its artists (credited or album artists), by external id, the last naming one winning. */
    static Map<String, List<Image>> givenForArtists(List<TrackImport> batch) {
        Map<String, List<Image>> given = new LinkedHashMap<>();
        for (TrackImport line : batch) {
            List<ArtistImport> artists = new ArrayList<>(line.artists());
            if (line.album() != null) {
                artists.addAll(line.album().artists());
            }
            artists.stream().filter(artist -> artist.images() != null).forEach(artist -> given.put(artist.externalId(), artist.images()));
        }
        return given;
    }

    /** The given images keyed by catalog id instead of external id. */
    static Map<String, List<Image>> byCatalogId(Map<String, List<Image>> byExternalId, Map<String, String> catalogIds) {
        Map<String, List<Image>> byId = new LinkedHashMap<>();
        byExternalId.forEach((externalId, images) -> byId.put(catalogIds.get(externalId), images));
        return byId;
    }

    /** Replaces the images of these owners, in the Cayenne import's transaction. */
    static void replace(ObjectContext context, Owner owner, Map<String, List<Image>> images) {
        for (List<String> chunk : Chunks.of(images.keySet())) {
            SQLExec.query("DELETE FROM " + owner.table + " WHERE " + owner.key + " IN (#bind($ids))").params(Map.of("ids", chunk)).update(context);
        }
        images.forEach((id, list) -> {
            for (int position = 0; position < list.size(); position++) {
                Image image = list.get(position);
                Map<String, Object> row = new HashMap<>(); // width and height may be null, which Map.of refuses
                row.put("id", id);
                row.put("position", position);
                row.put("url", image.url());
                row.put("width", image.width());
                row.put("height", image.height());
                SQLExec.query("INSERT INTO " + owner.table + " (" + owner.key + ", position, url, width, height)"
                        + " VALUES (#bind($id), #bind($position), #bind($url), #bind($width 'INTEGER'), #bind($height 'INTEGER'))")
                        .params(row).update(context);
            }
        });
    }

    /** Replaces the images of these owners on a JDBC connection (the bulk import's transaction). */
    static void replace(Connection connection, Owner owner, Map<String, List<Image>> images) throws SQLException {
        if (images.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + owner.table + " WHERE " + owner.key + " = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + owner.table + " (" + owner.key + ", position, url, width, height) VALUES (?, ?, ?, ?, ?)")) {
            boolean inserts = false;
            for (Map.Entry<String, List<Image>> entry : images.entrySet()) {
                delete.setString(1, entry.getKey());
                delete.addBatch();
                for (int position = 0; position < entry.getValue().size(); position++) {
                    Image image = entry.getValue().get(position);
                    insert.setString(1, entry.getKey());
                    insert.setInt(2, position);
                    insert.setString(3, image.url());
                    setInteger(insert, 4, image.width());
                    setInteger(insert, 5, image.height());
                    insert.addBatch();
                    inserts = true;
                }
            }
            delete.executeBatch();
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** The images of these owners, in order, a stored image as its renditions; owners without images are absent. */
    static Map<String, List<Image>> of(ObjectContext context, Owner owner, Collection<String> ids) {
        Map<String, List<Image>> images = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            SQLSelect.columnQuery("SELECT o." + owner.key + ", o.position, o.url, o.width AS given_width, o.height AS given_height, i.id, i.media_type,"
                    + " i.width AS stored_width, i.height AS stored_height"
                    + " FROM " + owner.table + " o LEFT JOIN catalog_image i ON i.id = o.image_id WHERE o." + owner.key
                    + " IN (#bind($ids)) ORDER BY o." + owner.key + ", o.position")
                    .param("ids", chunk).select(context)
                    .forEach(row -> images.computeIfAbsent((String) row[0], id -> new ArrayList<>()).addAll(images(row)));
        }
        return images;
    }

    private static List<Image> images(Object[] row) {
        if (row[5] != null) {
            return new StoredImage((String) row[5], (String) row[6], ((Number) row[7]).intValue(), ((Number) row[8]).intValue()).renditions();
        }
        return List.of(new Image((String) row[2], integer(row[4]), integer(row[3])));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
