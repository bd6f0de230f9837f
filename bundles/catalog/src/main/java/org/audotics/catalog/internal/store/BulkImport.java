package org.audotics.catalog.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.ImportResult.ImportedTrack;
import org.audotics.catalog.api.TrackImport;

/**
 * An import batch written with plain JDBC on one connection (the caller's transaction): a few multi-row
 * statements per table instead of an object per row, for streamed imports of millions of tracks. Writes
 * exactly what {@link CatalogStore#importBatch(List)} writes through Cayenne (the same tests run on both);
 * the batch is checked by the caller.
 *
 * <p>Lookups by key take the batch's keys as one array parameter ({@link KeyMatch}), not an {@code IN} list of
 * one parameter per key: see {@link KeyMatch} for why.
 */
final class BulkImport {

    /** Rows per multi-row INSERT: 1 000 tracks of 21 columns stay well below PostgreSQL's 32 767 parameters. */
    private static final int ROWS = 1_000;
    private static final String TRACK_COLUMNS = "id, external_id, name, album_id, duration_ms, popularity, explicit, track_number, "
            + "disc_number, acousticness, danceability, energy, instrumentalness, music_key, liveness, loudness, mode, speechiness, "
            + "tempo, time_signature, valence";

    private final Connection connection;

    private BulkImport(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes the batch and says what changed, as {@link CatalogStore#importWrite} does, except that artists and
     * albums are all reported as updated (this path does not tell the ones it created apart).
     */
    static ImportWrite write(Connection connection, List<TrackImport> batch) throws SQLException {
        return new BulkImport(connection).write(batch);
    }

    private ImportWrite write(List<TrackImport> batch) throws SQLException {
        Map<String, String> existing = idsByExternalId("track", batch.stream().map(TrackImport::externalId).toList());
        Map<String, String> artistIds = upsertArtists(batch);
        Map<String, String> albumIds = upsertAlbums(batch);
        EntityImages.replace(connection, EntityImages.Owner.ALBUM, EntityImages.byCatalogId(EntityImages.givenForAlbums(batch), albumIds));
        EntityImages.replace(connection, EntityImages.Owner.ARTIST, EntityImages.byCatalogId(EntityImages.givenForArtists(batch), artistIds));
        writeAlbumArtists(batch, albumIds, artistIds);
        if (!existing.isEmpty()) {
            deleteWhereAny("track_artist", "track_id", existing.values());
            deleteWhereAny("track_genre", "track_id", existing.values());
        }
        List<ImportedTrack> imported = new ArrayList<>(batch.size());
        List<Object[]> inserts = new ArrayList<>();
        List<TrackImport> updates = new ArrayList<>();
        int created = 0;
        for (TrackImport line : batch) {
            String id = existing.get(line.externalId());
            boolean isNew = id == null;
            String albumId = line.album() == null ? null : albumIds.get(line.album().externalId());
            if (isNew) {
                id = IdGenerator.next();
                inserts.add(trackRow(id, line, albumId));
                created++;
            } else {
                updates.add(line);
            }
            imported.add(new ImportedTrack(line.externalId(), id, isNew));
        }
        insert("track", TRACK_COLUMNS, inserts);
        updateTracks(updates, existing, albumIds);
        List<Object[]> credits = new ArrayList<>();
        List<Object[]> genres = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            TrackImport line = batch.get(index);
            String trackId = imported.get(index).id();
            for (int position = 0; position < line.artists().size(); position++) {
                credits.add(new Object[] {trackId, position, artistIds.get(line.artists().get(position).externalId())});
            }
            for (String genre : line.genres()) {
                genres.add(new Object[] {trackId, genre});
            }
        }
        insert("track_artist", "track_id, position, artist_id", credits);
        insert("track_genre", "track_id, genre", genres);
        try (PreparedStatement bump = connection.prepareStatement("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")) {
            bump.executeUpdate();
        }
        long revision;
        try (PreparedStatement read = connection.prepareStatement("SELECT revision FROM catalog_revision WHERE id = 1");
                ResultSet row = read.executeQuery()) {
            row.next();
            revision = row.getLong(1);
        }
        Map<String, List<String>> changes = new LinkedHashMap<>();
        changes.put(CatalogEvents.TRACK_CREATED, imported.stream().filter(ImportedTrack::created).map(ImportedTrack::id).toList());
        changes.put(CatalogEvents.TRACK_UPDATED, imported.stream().filter(track -> !track.created()).map(ImportedTrack::id).toList());
        changes.put(CatalogEvents.ARTIST_UPDATED, List.copyOf(new java.util.LinkedHashSet<>(artistIds.values())));
        changes.put(CatalogEvents.ALBUM_UPDATED, List.copyOf(new java.util.LinkedHashSet<>(albumIds.values())));
        return new ImportWrite(new ImportResult(created, batch.size() - created, imported), new CatalogChanges(revision, changes));
    }

    private static Object[] trackRow(String id, TrackImport line, String albumId) {
        AudioFeatures f = line.audioFeatures();
        return new Object[] {id, line.externalId(), line.name(), albumId, line.durationMs(), line.popularity(), line.explicit(),
            line.trackNumber(), line.discNumber(),
            f == null ? null : f.acousticness(), f == null ? null : f.danceability(), f == null ? null : f.energy(),
            f == null ? null : f.instrumentalness(), f == null ? null : f.key(), f == null ? null : f.liveness(),
            f == null ? null : f.loudness(), f == null ? null : f.mode(), f == null ? null : f.speechiness(),
            f == null ? null : f.tempo(), f == null ? null : f.timeSignature(), f == null ? null : f.valence()};
    }

    /** Re-imported tracks take the line's fields; their audio features only when the line gives some. */
    private void updateTracks(List<TrackImport> updates, Map<String, String> ids, Map<String, String> albumIds) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        String base = "UPDATE track SET name = ?, album_id = ?, duration_ms = ?, popularity = ?, explicit = ?, track_number = ?, disc_number = ?";
        try (PreparedStatement plain = connection.prepareStatement(base + " WHERE id = ?");
                PreparedStatement withFeatures = connection.prepareStatement(base + ", acousticness = ?, danceability = ?, energy = ?, "
                        + "instrumentalness = ?, music_key = ?, liveness = ?, loudness = ?, mode = ?, speechiness = ?, tempo = ?, "
                        + "time_signature = ?, valence = ? WHERE id = ?")) {
            boolean anyPlain = false;
            boolean anyFeatures = false;
            for (TrackImport line : updates) {
                String id = ids.get(line.externalId());
                Object[] row = trackRow(id, line, line.album() == null ? null : albumIds.get(line.album().externalId()));
                PreparedStatement statement = line.audioFeatures() == null ? plain : withFeatures;
                int columns = line.audioFeatures() == null ? 7 : 19;
                for (int i = 0; i < columns; i++) {
                    set(statement, i + 1, row[i + 2]);
                }
                statement.setString(columns + 1, id);
                statement.addBatch();
                anyPlain |= statement == plain;
                anyFeatures |= statement == withFeatures;
            }
            if (anyPlain) {
                plain.executeBatch();
            }
            if (anyFeatures) {
                withFeatures.executeBatch();
            }
        }
    }

    /** The batch's artists by external id (the last line naming one gives its name); new ones created, renamed ones updated. */
    private Map<String, String> upsertArtists(List<TrackImport> batch) throws SQLException {
        Map<String, ArtistImport> wanted = new LinkedHashMap<>();
        for (TrackImport line : batch) {
            line.artists().forEach(artist -> wanted.put(artist.externalId(), artist));
            if (line.album() != null) {
                line.album().artists().forEach(artist -> wanted.put(artist.externalId(), artist));
            }
        }
        Map<String, String[]> known = select("SELECT external_id, id, name FROM artist WHERE " + KeyMatch.any("external_id"),
                wanted.keySet(), 3);
        Map<String, String> ids = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        try (PreparedStatement rename = connection.prepareStatement("UPDATE artist SET name = ? WHERE id = ?")) {
            boolean renamed = false;
            for (ArtistImport artist : wanted.values()) {
                String[] row = known.get(artist.externalId());
                if (row == null) {
                    String id = IdGenerator.next();
                    inserts.add(new Object[] {id, artist.externalId(), artist.name()});
                    ids.put(artist.externalId(), id);
                } else {
                    ids.put(artist.externalId(), row[0]);
                    if (!artist.name().equals(row[1])) {
                        rename.setString(1, artist.name());
                        rename.setString(2, row[0]);
                        rename.addBatch();
                        renamed = true;
                    }
                }
            }
            if (renamed) {
                rename.executeBatch();
            }
        }
        insert("artist", "id, external_id, name", inserts);
        return ids;
    }

    private Map<String, String> upsertAlbums(List<TrackImport> batch) throws SQLException {
        Map<String, AlbumImport> wanted = new LinkedHashMap<>();
        batch.stream().map(TrackImport::album).filter(Objects::nonNull).forEach(album -> wanted.put(album.externalId(), album));
        Map<String, String[]> known = select("SELECT external_id, id, name, release_date, album_type, label FROM album WHERE "
                + KeyMatch.any("external_id"),
                wanted.keySet(), 6);
        Map<String, String> ids = new HashMap<>();
        List<Object[]> inserts = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE album SET name = ?, release_date = ?, album_type = ?, label = ? WHERE id = ?")) {
            boolean updated = false;
            for (AlbumImport album : wanted.values()) {
                String[] row = known.get(album.externalId());
                if (row == null) {
                    String id = IdGenerator.next();
                    inserts.add(new Object[] {id, album.externalId(), album.name(), album.releaseDate(), album.albumType(), album.label()});
                    ids.put(album.externalId(), id);
                } else {
                    ids.put(album.externalId(), row[0]);
                    if (!album.name().equals(row[1]) || !Objects.equals(album.releaseDate(), row[2])
                            || !Objects.equals(album.albumType(), row[3]) || !Objects.equals(album.label(), row[4])) {
                        set(update, 1, album.name());
                        set(update, 2, album.releaseDate());
                        set(update, 3, album.albumType());
                        set(update, 4, album.label());
                        update.setString(5, row[0]);
                        update.addBatch();
                        updated = true;
                    }
                }
            }
            if (updated) {
                update.executeBatch();
            }
        }
        insert("album", "id, external_id, name, release_date, album_type, label", inserts);
        return ids;
    }

    /** As {@link AlbumArtists#write}: listed album artists replace the album's; an album without any takes its first track's. */
    private void writeAlbumArtists(List<TrackImport> batch, Map<String, String> albumIds, Map<String, String> artistIds) throws SQLException {
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
            return;
        }
        Set<String> touched = new HashSet<>(listed.keySet());
        touched.addAll(fallback.keySet());
        Set<String> credited = select("SELECT DISTINCT album_id FROM album_artist WHERE " + KeyMatch.any("album_id"), touched, 1).keySet();
        List<String> replaced = credited.stream().filter(listed::containsKey).toList();
        if (!replaced.isEmpty()) {
            deleteWhereAny("album_artist", "album_id", replaced);
        }
        Map<String, List<ArtistImport>> wanted = new LinkedHashMap<>(listed);
        fallback.forEach((albumId, artists) -> {
            if (!credited.contains(albumId)) {
                wanted.putIfAbsent(albumId, artists);
            }
        });
        List<Object[]> rows = new ArrayList<>();
        wanted.forEach((albumId, artists) -> {
            for (int position = 0; position < artists.size(); position++) {
                rows.add(new Object[] {albumId, position, artistIds.get(artists.get(position).externalId())});
            }
        });
        insert("album_artist", "album_id, position, artist_id", rows);
    }

    private Map<String, String> idsByExternalId(String table, List<String> externalIds) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        select("SELECT external_id, id FROM " + table + " WHERE " + KeyMatch.any("external_id"), externalIds, 2)
                .forEach((externalId, row) -> ids.put(externalId, row[0]));
        return ids;
    }

    /** Rows keyed by their first column, the other {@code columns - 1} as strings; {@code sql} has one array parameter, the keys. */
    private Map<String, String[]> select(String sql, Collection<String> keys, int columns) throws SQLException {
        Map<String, String[]> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            KeyMatch.bind(statement, 1, keys);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String[] values = new String[columns - 1];
                    for (int c = 1; c < columns; c++) {
                        values[c - 1] = result.getString(c + 1);
                    }
                    rows.put(result.getString(1), values);
                }
            }
        }
        return rows;
    }

    private void deleteWhereAny(String table, String column, Collection<String> keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE " + KeyMatch.any(column))) {
            KeyMatch.bind(statement, 1, keys);
            statement.executeUpdate();
        }
    }

    private void insert(String table, String columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        String row = placeholders(width);
        for (int start = 0; start < rows.size(); start += ROWS) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS));
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int parameter = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        set(statement, parameter++, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            statement.setObject(index, value);
        }
    }

    private static String placeholders(int count) {
        StringBuilder marks = new StringBuilder(count * 3 + 2).append('(');
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return marks.append(')').toString();
    }
}
