package org.audotics.recommender.hybrid.internal.store;

import org.audotics.recommendation.api.ModelMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.audotics.recommender.hybrid.internal.engine.TrainedModel;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * Models in the shared database (PostgreSQL or the embedded H2), so that every node and every restart serve the
 * same one: a row per version in {@code recommender_model} and its {@link ModelFormat} bytes in chunks of
 * {@code recommender_model_chunk}, written in one transaction (a version is seen whole or not at all). The tables
 * come from this bundle's changelog, applied on first use. Thread-safe.
 */
public final class ModelStore {

    static final String CHANGELOG = "db/recommender-changelog.xml";
    /** Bytes per chunk row: small enough for one statement on either database, large enough to be few rows. */
    public static final int CHUNK_BYTES = 1 << 20;

    private final Database database;
    private final int chunkBytes;
    private final Clock clock;
    private volatile boolean migrated;

    public ModelStore(Database database, int chunkBytes, Clock clock) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be at least 1");
        }
        this.database = database;
        this.chunkBytes = chunkBytes;
        this.clock = clock;
    }

    /** The pooled data source, after this bundle's tables exist. */
    public DataSource dataSource() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    database.migrate(ModelStore.class, CHANGELOG);
                    migrated = true;
                }
            }
        }
        return database.dataSource();
    }

    /**
     * Stores the model as the next version of the engine and returns it as stored (its {@code version} is the new
     * one). The caller holds the training lease, so no other node writes at the same time; if one did anyway, the
     * second insert of the same version fails and nothing of it is left.
     */
    public ModelFormat.Decoded save(TrainedModel trained, String engine, String source, ModelMetrics metrics) {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long version = nextVersion(c);
                // the format keeps milliseconds: the model served here must say what every other node will read
                TrainedModel model = new TrainedModel(trained.model(), trained.interacted(), trained.userIds(), trained.userIndex(),
                        trained.trackIds(), trained.trackIndex(), trained.trainedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        trained.interactions(), version);
                insertRow(c, model, engine, source, version);
                ChunkWriter chunks = new ChunkWriter(c, version, chunkBytes);
                ModelHeader header = ModelFormat.write(model, new ModelFormat.Facts(engine, version, source, metrics), chunks);
                chunks.close();
                try (PreparedStatement s = c.prepareStatement("UPDATE recommender_model SET bytes = ?, chunks = ?, sha256 = ? WHERE version = ?")) {
                    s.setLong(1, chunks.bytes);
                    s.setInt(2, chunks.seq);
                    s.setString(3, header.sha256());
                    s.setLong(4, version);
                    s.executeUpdate();
                }
                c.commit();
                return new ModelFormat.Decoded(header, model);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from("Storing a model", e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the model failed", e);
        }
    }

    /** A stored version, as its row says. */
    public record Stored(long version, java.time.Instant trainedAt) {
    }

    /** The newest stored version of the engine, if any. */
    public Optional<Stored> newest(String engine) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version, trained_at FROM recommender_model WHERE engine = ? ORDER BY version DESC")) {
            s.setString(1, engine);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Stored(r.getLong(1), java.time.Instant.ofEpochMilli(r.getLong(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading the newest model version", e);
        }
    }

    /** The versions stored for the engine, newest first. */
    public List<Long> versions(String engine) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version FROM recommender_model WHERE engine = ? ORDER BY version DESC")) {
            s.setString(1, engine);
            List<Long> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw StorageException.from("Listing models", e);
        }
    }

    /**
     * Reads and verifies one version.
     *
     * @throws ModelFormatException the version is not stored, or its bytes are truncated or corrupt
     */
    public ModelFormat.Decoded load(long version) throws ModelFormatException {
        try (Connection c = dataSource().getConnection()) {
            int chunks;
            try (PreparedStatement s = c.prepareStatement("SELECT chunks FROM recommender_model WHERE version = ?")) {
                s.setLong(1, version);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new ModelFormatException("model " + version + " is not stored");
                    }
                    chunks = r.getInt(1);
                }
            }
            try (ChunkReader in = new ChunkReader(c, version, chunks)) {
                return ModelFormat.read(in);
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading model " + version, e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("reading model " + version + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes all but the newest {@code keep} versions of the engine. @return how many were deleted */
    public int prune(String engine, int keep) {
        List<Long> versions = versions(engine);
        if (versions.size() <= keep) {
            return 0;
        }
        long newestDropped = versions.get(Math.max(0, keep));
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement chunks = c.prepareStatement(
                    "DELETE FROM recommender_model_chunk WHERE model_version IN (SELECT version FROM recommender_model WHERE engine = ? AND version <= ?)");
                 PreparedStatement rows = c.prepareStatement("DELETE FROM recommender_model WHERE engine = ? AND version <= ?")) {
                chunks.setString(1, engine);
                chunks.setLong(2, newestDropped);
                chunks.executeUpdate();
                rows.setString(1, engine);
                rows.setLong(2, newestDropped);
                int deleted = rows.executeUpdate();
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from("Deleting old models", e);
        }
    }

    private static long nextVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM recommender_model");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private void insertRow(Connection c, TrainedModel model, String engine, String source, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO recommender_model (version, engine, format_version, source, trained_at, "
                + "stored_at, users, tracks, interactions, bytes, chunks, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '')")) {
            s.setLong(1, version);
            s.setString(2, engine);
            s.setInt(3, ModelFormat.FORMAT_VERSION);
            s.setString(4, source);
            s.setLong(5, model.trainedAt().toEpochMilli());
            s.setLong(6, clock.millis());
            s.setInt(7, model.userIds().size());
            s.setInt(8, model.trackIds().size());
            s.setLong(9, model.interactions());
            s.executeUpdate();
        }
    }

    /** Cuts the stream into chunk rows as it is written. */
    private static final class ChunkWriter extends OutputStream {
        private final PreparedStatement insert;
        private final long version;
        private final byte[] buffer;
        private int filled;
        int seq;
        long bytes;

        ChunkWriter(Connection c, long version, int chunkBytes) throws SQLException {
            this.insert = c.prepareStatement("INSERT INTO recommender_model_chunk (model_version, seq, data) VALUES (?, ?, ?)");
            this.version = version;
            this.buffer = new byte[chunkBytes];
        }

        @Override
        public void write(int b) throws IOException {
            buffer[filled++] = (byte) b;
            if (filled == buffer.length) {
                flushChunk();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (filled == 0) {
                return;
            }
            try {
                insert.setLong(1, version);
                insert.setInt(2, seq++);
                insert.setBytes(3, filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
                bytes += filled;
                filled = 0;
            } catch (SQLException e) {
                throw new IOException("storing chunk " + (seq - 1) + " of model " + version + " failed", e);
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            try {
                insert.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }

    /** The chunks of one version read back in order, one row at a time (a large model is never whole in memory). */
    private static final class ChunkReader extends InputStream {
        private final PreparedStatement select;
        private final long version;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int at;

        ChunkReader(Connection c, long version, int chunks) throws SQLException {
            this.select = c.prepareStatement("SELECT data FROM recommender_model_chunk WHERE model_version = ? AND seq = ?");
            this.version = version;
            this.chunks = chunks;
        }

        private boolean fill() throws IOException {
            while (at == current.length) {
                if (next == chunks) {
                    return false;
                }
                try {
                    select.setLong(1, version);
                    select.setInt(2, next);
                    try (ResultSet r = select.executeQuery()) {
                        if (!r.next()) {
                            throw new ModelFormatException("truncated model " + version + ": chunk " + next + " of " + chunks + " is missing");
                        }
                        current = r.getBytes(1);
                        at = 0;
                        next++;
                    }
                } catch (SQLException e) {
                    throw new IOException("reading chunk " + next + " of model " + version + " failed", e);
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                select.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
