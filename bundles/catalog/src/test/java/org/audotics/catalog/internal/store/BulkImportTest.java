package org.audotics.catalog.internal.store;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.onAlbum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidImportException;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.TrackImport;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC bulk write of streamed imports leaves the tables exactly as the Cayenne write of the synchronous import. */
class BulkImportTest {

    @TempDir
    Path data;

    private PooledDatabase cayenneDatabase;
    private PooledDatabase bulkDatabase;
    private CatalogStore cayenne;
    private CatalogStore bulk;

    @BeforeEach
    void open() {
        cayenneDatabase = EmbeddedDatabase.open(data.resolve("cayenne"));
        bulkDatabase = EmbeddedDatabase.open(data.resolve("bulk"));
        cayenne = new CatalogStore(cayenneDatabase, cayenneDatabase);
        bulk = new CatalogStore(bulkDatabase, bulkDatabase);
    }

    @AfterEach
    void close() {
        cayenneDatabase.close();
        bulkDatabase.close();
    }

    private void importBoth(List<TrackImport> batch) throws Exception {
        ImportWrite cayenneWrite = cayenne.importWrite(batch);
        ImportWrite bulkWrite = bulk.importBulk(batch, (connection, written) -> { });
        ImportResult viaCayenne = cayenneWrite.result();
        ImportResult viaBulk = bulkWrite.result();
        // the change events: the same tracks created and updated, at the same revision
        assertEquals(cayenneWrite.changes().revision(), bulkWrite.changes().revision());
        for (String topic : List.of(org.audotics.catalog.api.CatalogEvents.TRACK_CREATED, org.audotics.catalog.api.CatalogEvents.TRACK_UPDATED)) {
            assertEquals(cayenneWrite.changes().ids(topic).size(), bulkWrite.changes().ids(topic).size(), topic);
        }
        assertEquals(viaCayenne.created(), viaBulk.created());
        assertEquals(viaCayenne.updated(), viaBulk.updated());
        assertEquals(viaCayenne.tracks().stream().map(t -> t.externalId() + t.created()).toList(),
                viaBulk.tracks().stream().map(t -> t.externalId() + t.created()).toList());
        assertEquals(dump(cayenneDatabase), dump(bulkDatabase));
    }

    @Test
    void writesWhatTheCayenneImportWritesForNewAndReimportedTracks() throws Exception {
        importBoth(List.of(
                onAlbum("t1", "First", "album", List.of("Band"), List.of("Band", "Guest"), "2001-05", 1, 40, List.of("rock", "indie"), features(0.8, 120)),
                onAlbum("t2", "First", "album", null, List.of("Band"), "2001-05", 2, 60, List.of("rock"), null),
                onAlbum("t3", "Second", "single", null, List.of("Solo"), "2010", 1, 10, List.of(), features(0.2, 90)),
                TestTracks.track("t4", "Loose", "Other", "jazz", null)));
        // re-import: renamed artist, album artists replaced, features kept when the line has none, genres and credits replaced
        importBoth(List.of(
                onAlbum("t1", "First", "compilation", List.of("Guest"), List.of("Guest"), "2001-06", 1, 41, List.of("pop"), null),
                onAlbum("t3", "Second", "single", List.of("Solo"), List.of("Solo", "Band"), "2010", 1, 11, List.of("jazz"), features(0.3, 95)),
                onAlbum("t5", "Third", "album", null, List.of("New"), "2020", 1, 5, List.of("ambient"), null),
                new TrackImport("t4", "Loose renamed", List.of(new org.audotics.catalog.api.ArtistImport("artist-Other", "Other renamed")),
                        null, List.of(), 0, 1000, true, 2, 2, null)));
    }

    private static TrackImport withImages(String externalId, List<Image> albumImages, List<Image> artistImages) {
        return new TrackImport(externalId, "Song", List.of(new ArtistImport("band", "Band", artistImages)),
                new AlbumImport("album", "Album", null, null, null, List.of(new ArtistImport("band", "Band", artistImages)), albumImages),
                List.of(), 0, 1000, false, 1, 1, null);
    }

    @Test
    void writesTheImagesTheCayenneImportWrites() throws Exception {
        Image large = new Image("https://i.example/640.jpg", 640, 640);
        Image unsized = new Image("https://i.example/any.jpg", null, null);
        importBoth(List.of(withImages("i1", List.of(large, unsized), List.of(unsized)), withImages("i2", null, null)));
        importBoth(List.of(withImages("i1", null, null))); // not given: kept
        importBoth(List.of(withImages("i2", List.of(), List.of(large)))); // an empty list clears, a new one replaces
    }

    @Test
    void findsEveryExistingRowOfABatchWithMoreKeysThanOneInListHeld() throws Exception {
        // 2 500 tracks, artists and albums: more keys than the 1 000 an IN list of parameters was cut into
        importBoth(manyTracks(2_500, "First"));
        importBoth(manyTracks(2_500, "Renamed"));
        ImportResult again = bulk.importBulk(manyTracks(2_500, "Again"), (connection, written) -> { }).result();
        assertEquals(0, again.created());
        assertEquals(2_500, again.updated());
    }

    private static List<TrackImport> manyTracks(int count, String name) {
        List<TrackImport> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tracks.add(onAlbum("many-" + i, "album " + i, "album", null, List.of("artist " + i), "2020", 1, 50,
                    List.of("genre " + i % 7), features(0.5, 100 + i % 50)));
        }
        return tracks.stream().map(track -> new TrackImport(track.externalId(), name + " " + track.externalId(), track.artists(),
                track.album(), track.genres(), track.popularity(), track.durationMs(), track.explicit(), track.trackNumber(),
                track.discNumber(), track.audioFeatures())).toList();
    }

    @Test
    void refusesARepeatedExternalIdAsTheCayenneImportDoes() {
        List<TrackImport> twice = List.of(TestTracks.track("same", "A", "X", "rock", null), TestTracks.track("same", "B", "X", "rock", null));
        InvalidImportException refused = assertThrows(InvalidImportException.class, () -> bulk.importBulk(twice, (c, w) -> { }));
        assertEquals(1, refused.index());
        assertEquals("external_id", refused.field());
    }

    @Test
    void rollsTheBatchBackWhenTheWorkAfterItFails() throws Exception {
        assertThrows(IllegalStateException.class, () -> bulk.importBulk(List.of(TestTracks.track("gone", "A", "X", "rock", null)),
                (connection, written) -> {
                    throw new IllegalStateException("after the batch");
                }));
        assertEquals(List.of(), dump(bulkDatabase).subList(0, 0));
        try (Connection connection = bulkDatabase.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM track")) {
            rows.next();
            assertEquals(0, rows.getLong(1));
        }
    }

    /** Every catalog table with ids replaced by the external ids they stand for, sorted. */
    private static List<String> dump(PooledDatabase database) throws Exception {
        List<String> lines = new ArrayList<>();
        String[] queries = {
            "SELECT 'artist', external_id, name FROM artist",
            "SELECT 'album', external_id, name, release_date, album_type, label FROM album",
            "SELECT 'album_artist', al.external_id, aa.position, ar.external_id FROM album_artist aa JOIN album al ON al.id = aa.album_id JOIN artist ar ON ar.id = aa.artist_id",
            "SELECT 'track', t.external_id, t.name, al.external_id, t.duration_ms, t.popularity, t.explicit, t.track_number, t.disc_number, "
                    + "t.acousticness, t.danceability, t.energy, t.instrumentalness, t.music_key, t.liveness, t.loudness, t.mode, t.speechiness, "
                    + "t.tempo, t.time_signature, t.valence FROM track t LEFT JOIN album al ON al.id = t.album_id",
            "SELECT 'track_artist', t.external_id, ta.position, ar.external_id FROM track_artist ta JOIN track t ON t.id = ta.track_id JOIN artist ar ON ar.id = ta.artist_id",
            "SELECT 'track_genre', t.external_id, tg.genre FROM track_genre tg JOIN track t ON t.id = tg.track_id",
            "SELECT 'album_image', al.external_id, i.position, i.url, i.width, i.height, i.image_id FROM album_image i JOIN album al ON al.id = i.album_id",
            "SELECT 'artist_image', ar.external_id, i.position, i.url, i.width, i.height, i.image_id FROM artist_image i JOIN artist ar ON ar.id = i.artist_id",
            "SELECT 'revision', revision FROM catalog_revision"};
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            line.append(c == 1 ? "" : " | ").append(rows.getString(c));
                        }
                        lines.add(line.toString());
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
