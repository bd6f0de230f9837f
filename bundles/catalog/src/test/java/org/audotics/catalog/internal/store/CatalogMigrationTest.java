package org.audotics.catalog.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The album-artist migration on a catalog written before it: existing albums take their first track's artists. */
class CatalogMigrationTest {

    @TempDir
    Path data;

    @Test
    void existingAlbumsTakeTheArtistsOfTheirFirstTrack() throws Exception {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            try (Connection connection = database.dataSource().getConnection()) {
                Database liquibaseDatabase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                @SuppressWarnings("deprecation")
                Liquibase liquibase = new Liquibase("db/catalog-changelog.xml", new ClassLoaderResourceAccessor(CatalogStore.class.getClassLoader()),
                        liquibaseDatabase);
                liquibase.update(1, new Contexts(), new LabelExpression()); // the schema before album artists
                try (Statement sql = connection.createStatement()) {
                    sql.execute("INSERT INTO artist (id, external_id, name) VALUES ('ar1', 'x1', 'First'), ('ar2', 'x2', 'Second'), ('ar3', 'x3', 'Later')");
                    sql.execute("INSERT INTO album (id, external_id, name) VALUES ('al1', 'y1', 'Old album'), ('al2', 'y2', 'Empty album')");
                    sql.execute("INSERT INTO track (id, external_id, name, album_id, duration_ms, popularity, explicit, track_number, disc_number)"
                            + " VALUES ('t2', 'z2', 'Two', 'al1', 1000, 0, false, 2, 1), ('t1', 'z1', 'One', 'al1', 1000, 0, false, 1, 1)");
                    sql.execute("INSERT INTO track_artist (track_id, position, artist_id) VALUES ('t1', 0, 'ar2'), ('t1', 1, 'ar1'), ('t2', 0, 'ar3')");
                }
                if (!connection.getAutoCommit()) {
                    connection.commit(); // Liquibase leaves the connection in manual commit
                }
            }
            CatalogStore store = new CatalogStore(database, database);
            Album old = store.albums(List.of("al1")).get("al1");
            assertEquals(List.of("Second", "First"), old.artists().stream().map(ArtistRef::name).toList());
            assertEquals("album", old.albumType());
            assertEquals(List.of(), store.albums(List.of("al2")).get("al2").artists());
            assertEquals(List.of("Second", "First"), store.track("t2").orElseThrow().album().artists().stream().map(ArtistRef::name).toList());
        } finally {
            database.close();
        }
    }
}
