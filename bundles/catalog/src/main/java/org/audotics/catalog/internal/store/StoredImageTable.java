package org.audotics.catalog.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.StoredImage;

/** The images this server stores ({@code catalog_image}) and an album's stored cover, over plain JDBC. */
final class StoredImageTable {

    private StoredImageTable() {
    }

    static Optional<StoredImage> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT media_type, width, height FROM catalog_image WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredImage(id, row.getString(1), row.getInt(2), row.getInt(3))) : Optional.empty();
            }
        }
    }

    static Optional<byte[]> bytes(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT data FROM catalog_image WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** @return false when an image with this id is stored already (the same bytes: nothing to write) */
    static boolean insertIfAbsent(Connection connection, StoredImage image, byte[] data) throws SQLException {
        if (find(connection, image.id()).isPresent()) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO catalog_image (id, media_type, width, height, byte_count, data, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, image.id());
            insert.setString(2, image.mediaType());
            insert.setInt(3, image.width());
            insert.setInt(4, image.height());
            insert.setInt(5, data.length);
            insert.setBytes(6, data);
            insert.setLong(7, System.currentTimeMillis());
            insert.executeUpdate();
        }
        return true;
    }

    /** What setting an album's cover did. */
    enum CoverResult { NO_ALBUM_OR_IMAGE, UNCHANGED, SET }

    /**
     * Makes the stored image the album's only image; bumps the revision when it changes anything.
     *
     * @param changes filled with the album and its tracks (the events to post) when the cover was set
     */
    static CoverResult setAlbumImage(Connection connection, String albumId, String imageId, Map<String, List<String>> changes,
            long[] revision) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM album WHERE id = ?", albumId) || find(connection, imageId).isEmpty()) {
            return CoverResult.NO_ALBUM_OR_IMAGE;
        }
        List<String> current = strings(connection, "SELECT COALESCE(image_id, '') FROM album_image WHERE album_id = ? ORDER BY position", albumId);
        if (current.equals(List.of(imageId))) {
            return CoverResult.UNCHANGED;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM album_image WHERE album_id = ?")) {
            delete.setString(1, albumId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO album_image (album_id, position, image_id) VALUES (?, 0, ?)")) {
            insert.setString(1, albumId);
            insert.setString(2, imageId);
            insert.executeUpdate();
        }
        try (PreparedStatement bump = connection.prepareStatement("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")) {
            bump.executeUpdate();
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT revision FROM catalog_revision WHERE id = 1");
                ResultSet row = read.executeQuery()) {
            row.next();
            revision[0] = row.getLong(1);
        }
        changes.put(CatalogEvents.TRACK_UPDATED, strings(connection, "SELECT id FROM track WHERE album_id = ? ORDER BY id", albumId));
        changes.put(CatalogEvents.ALBUM_UPDATED, List.of(albumId));
        return CoverResult.SET;
    }

    private static boolean exists(Connection connection, String sql, String key) throws SQLException {
        return !strings(connection, sql, key).isEmpty();
    }

    private static List<String> strings(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
