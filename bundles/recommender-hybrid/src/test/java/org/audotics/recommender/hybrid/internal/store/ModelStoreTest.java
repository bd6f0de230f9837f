package org.audotics.recommender.hybrid.internal.store;

import org.audotics.recommendation.api.ModelMetrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.audotics.recommender.hybrid.internal.engine.TrainedModel;
import org.audotics.storage.api.Database;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.audotics.storage.internal.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the storage bundle's real pool and migrations: the embedded H2, and PostgreSQL on 127.0.0.1:5432. */
class ModelStoreTest {

    @TempDir
    Path data;

    @Test
    void modelsRoundTripInManyChunksOnH2() throws Exception {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            roundTripsAndPrunes(database);
        } finally {
            database.close();
        }
    }

    @Test
    void modelsRoundTripInManyChunksOnPostgres() throws Exception {
        try (PostgresTestDatabase postgres = new PostgresTestDatabase()) {
            roundTripsAndPrunes(postgres.database);
        }
    }

    private static void roundTripsAndPrunes(Database database) throws Exception {
        ModelStore store = new ModelStore(database, 1000, Clock.systemUTC());
        assertEquals(Optional.empty(), store.newest("hybrid"));
        TrainedModel first = Models.random(11, 40, 60, 8);
        ModelFormat.Decoded saved = store.save(first, "hybrid", ModelHeader.TRAINED, new ModelMetrics(0.1, 0.2, 0.3, 4));
        assertEquals(1, saved.header().version());
        assertTrue(saved.header().payloadBytes() > 3000, "several chunks of 1000 bytes");
        ModelFormat.Decoded back = store.load(1);
        assertEquals(saved.header(), back.header());
        assertArrayEquals(first.model().factors().itemFactors(), back.model().model().factors().itemFactors());
        assertEquals(first.trackIds(), back.model().trackIds());

        for (int n = 0; n < 3; n++) {
            store.save(Models.random(20 + n, 5, 6, 2), "hybrid", ModelHeader.IMPORTED, null);
        }
        assertEquals(4L, store.newest("hybrid").orElseThrow().version());
        assertEquals(2, store.prune("hybrid", 2));
        assertEquals(List.of(4L, 3L), store.versions("hybrid"));
        assertEquals(ModelHeader.IMPORTED, store.load(4).header().source());
        ModelFormatException gone = assertThrows(ModelFormatException.class, () -> store.load(1));
        assertEquals("model 1 is not stored", gone.getMessage());
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM recommender_model_chunk WHERE model_version < 3")) {
            var r = count.executeQuery();
            r.next();
            assertEquals(0, r.getInt(1), "the chunks of pruned versions are gone too");
        }
    }

    @Test
    void aModelWithALostOrAlteredChunkIsRefused() throws Exception {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            ModelStore store = new ModelStore(database, 500, Clock.systemUTC());
            store.save(Models.random(31, 20, 30, 4), "hybrid", ModelHeader.TRAINED, null);
            store.save(Models.random(32, 20, 30, 4), "hybrid", ModelHeader.TRAINED, null);
            try (Connection c = database.dataSource().getConnection()) {
                c.createStatement().executeUpdate("DELETE FROM recommender_model_chunk WHERE model_version = 1 AND seq = 2");
                try (PreparedStatement s = c.prepareStatement("UPDATE recommender_model_chunk SET data = ? WHERE model_version = 2 AND seq = 3")) {
                    s.setBytes(1, new byte[500]);
                    s.executeUpdate();
                }
            }
            ModelFormatException lost = assertThrows(ModelFormatException.class, () -> store.load(1));
            assertEquals("truncated model 1: chunk 2 of " + chunks(database, 1) + " is missing", lost.getMessage());
            ModelFormatException altered = assertThrows(ModelFormatException.class, () -> store.load(2));
            assertTrue(altered.getMessage().startsWith("corrupt model 2"), altered.getMessage());
        } finally {
            database.close();
        }
    }

    private static int chunks(Database database, long version) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT chunks FROM recommender_model WHERE version = ?")) {
            s.setLong(1, version);
            var r = s.executeQuery();
            r.next();
            return r.getInt(1);
        }
    }
}
