package org.audotics.recommender.hybrid.internal.store;

import org.audotics.recommendation.api.ModelMetrics;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.audotics.recommender.hybrid.internal.engine.TrainedModel;
import org.audotics.recommender.hybrid.internal.model.Blend;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;

/**
 * The binary model format, version {@value #FORMAT_VERSION} (docs/recommender.md, "Stored models", is the
 * specification): a header (magic {@code AUDMODEL}, format version, engine, model version, trained_at, users,
 * tracks, interactions, source, offline metrics, payload length), the SHA-256 of the header fields and the payload,
 * then the payload: tagged sections with the user and track ids, the iALS factors, the RP3β neighbour lists, the
 * training rows, the interacted pairs, the listeners per track and the blend. Big-endian throughout.
 *
 * <p>Reading builds a whole new model and returns it only when every section parsed, the payload length matched and
 * the checksum agreed: a truncated, altered or unknown stream fails with a {@link ModelFormatException} that says
 * which, and nothing half-read can be served. Writing makes two passes over the arrays (the first only computes the
 * length and checksum the header carries), so a model of any size streams without a copy in memory.
 */
public final class ModelFormat {

    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "AUDMODEL".getBytes(StandardCharsets.US_ASCII);
    private static final int SHA256_BYTES = 32;
    private static final int USER_IDS = tag("IDSU");
    private static final int TRACK_IDS = tag("IDST");
    private static final int FACTORS = tag("FACT");
    private static final int NEIGHBOURS = tag("NBRS");
    private static final int TRAINING_ROWS = tag("HIST");
    private static final int INTERACTED = tag("INTR");
    private static final int LISTENERS = tag("POPL");
    private static final int BLEND = tag("BLND");
    private static final int END = tag("END!");

    private ModelFormat() {
    }

    /** What the header says that the model itself does not. */
    public record Facts(String engine, long version, String source, ModelMetrics metrics) {
    }

    /** A model read back, with its header. */
    public record Decoded(ModelHeader header, TrainedModel model) {
    }

    /** Writes the model; the stream is flushed, not closed. @return the header written */
    public static ModelHeader write(TrainedModel model, Facts facts, OutputStream out) throws IOException {
        Counting length = new Counting(OutputStream.nullOutputStream());
        DataOutputStream sizing = new DataOutputStream(new BufferedOutputStream(length, 1 << 16));
        payload(model, sizing);
        sizing.flush();
        byte[] head = headerFields(model, facts, length.count);
        MessageDigest sha = sha256();
        sha.update(head);
        DataOutputStream hashing = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha), 1 << 16));
        payload(model, hashing);
        hashing.flush();
        byte[] digest = sha.digest();
        DataOutputStream target = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        target.write(head);
        target.write(digest);
        payload(model, target);
        target.flush();
        return new ModelHeader(FORMAT_VERSION, facts.engine(), facts.version(), model.trainedAt(), model.userIds().size(),
                model.trackIds().size(), model.interactions(), facts.source(), facts.metrics(), length.count, HexFormat.of().formatHex(digest));
    }

    /** Reads only the header (a listing needs no arrays); the checksum is not verified. */
    public static ModelHeader readHeader(InputStream in) throws ModelFormatException {
        try {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 12));
            HeaderFields fields = HeaderFields.read(data);
            byte[] digest = new byte[SHA256_BYTES];
            data.readFully(digest);
            return fields.header(HexFormat.of().formatHex(digest));
        } catch (EOFException e) {
            throw new ModelFormatException("truncated model: the stream ends inside the header");
        } catch (IOException e) {
            throw e instanceof ModelFormatException f ? f : new ModelFormatException("unreadable model header: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a whole model.
     *
     * @throws ModelFormatException truncated, corrupt (checksum, lengths, indexes), or of another format version
     */
    public static Decoded read(InputStream in) throws ModelFormatException {
        MessageDigest sha = sha256();
        DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(in, 1 << 16), sha);
        DataInputStream data = new DataInputStream(digesting);
        HeaderFields fields;
        byte[] expected = new byte[SHA256_BYTES];
        try {
            fields = HeaderFields.read(data);
            digesting.on(false);
            data.readFully(expected);
            digesting.on(true);
        } catch (EOFException e) {
            throw new ModelFormatException("truncated model: the stream ends inside the header");
        } catch (IOException e) {
            throw e instanceof ModelFormatException f ? f : new ModelFormatException("unreadable model header: " + e.getMessage(), e);
        }
        Bounded payload = new Bounded(digesting, fields.payloadBytes);
        TrainedModel model;
        try {
            model = payload(new DataInputStream(payload), payload, fields);
        } catch (EOFException e) {
            throw new ModelFormatException("truncated model " + fields.version + ": the payload ends after " + payload.read + " of "
                    + fields.payloadBytes + " bytes");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelFormatException("corrupt model " + fields.version + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw e instanceof ModelFormatException f ? f : new ModelFormatException("unreadable model " + fields.version + ": " + e.getMessage(), e);
        }
        if (payload.read != fields.payloadBytes) {
            throw new ModelFormatException("corrupt model " + fields.version + ": " + (fields.payloadBytes - payload.read)
                    + " payload bytes after the end section");
        }
        byte[] actual = sha.digest();
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new ModelFormatException("corrupt model " + fields.version + ": checksum mismatch (stored "
                    + HexFormat.of().formatHex(expected) + ", computed " + HexFormat.of().formatHex(actual) + ")");
        }
        try {
            if (digesting.read() != -1) {
                throw new ModelFormatException("corrupt model " + fields.version + ": bytes after the payload");
            }
        } catch (IOException e) {
            throw e instanceof ModelFormatException f ? f : new ModelFormatException("unreadable model: " + e.getMessage(), e);
        }
        return new Decoded(fields.header(HexFormat.of().formatHex(actual)), model);
    }

    private static byte[] headerFields(TrainedModel model, Facts facts, long payloadBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(facts.engine());
        out.writeLong(facts.version());
        out.writeLong(model.trainedAt().toEpochMilli());
        out.writeInt(model.userIds().size());
        out.writeInt(model.trackIds().size());
        out.writeLong(model.interactions());
        out.writeUTF(facts.source());
        ModelMetrics m = facts.metrics();
        out.writeBoolean(m != null);
        if (m != null) {
            out.writeDouble(m.ndcgAt10());
            out.writeDouble(m.recallAt20());
            out.writeDouble(m.coverageAt10());
            out.writeInt(m.evaluatedUsers());
        }
        out.writeLong(payloadBytes);
        out.flush();
        return bytes.toByteArray();
    }

    /** The header fields as read, before the checksum. */
    private record HeaderFields(String engine, long version, Instant trainedAt, int users, int tracks, long interactions, String source,
                                ModelMetrics metrics, long payloadBytes) {

        static HeaderFields read(DataInputStream in) throws IOException {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelFormatException("not an Audotics model (no AUDMODEL magic)");
            }
            int format = in.readInt();
            if (format != FORMAT_VERSION) {
                throw new ModelFormatException("model format version " + format + " is not supported (this engine reads " + FORMAT_VERSION + ")");
            }
            String engine = in.readUTF();
            long version = in.readLong();
            Instant trainedAt = Instant.ofEpochMilli(in.readLong());
            int users = in.readInt();
            int tracks = in.readInt();
            long interactions = in.readLong();
            String source = in.readUTF();
            ModelMetrics metrics = null;
            try {
                if (in.readBoolean()) {
                    metrics = new ModelMetrics(in.readDouble(), in.readDouble(), in.readDouble(), in.readInt());
                }
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("corrupt model header: " + e.getMessage());
            }
            long payloadBytes = in.readLong();
            if (users < 0 || tracks < 0 || payloadBytes < 0 || !(ModelHeader.TRAINED.equals(source) || ModelHeader.IMPORTED.equals(source))) {
                throw new ModelFormatException("corrupt model header: impossible counts or source");
            }
            return new HeaderFields(engine, version, trainedAt, users, tracks, interactions, source, metrics, payloadBytes);
        }

        ModelHeader header(String sha256) {
            return new ModelHeader(FORMAT_VERSION, engine, version, trainedAt, users, tracks, interactions, source, metrics, payloadBytes, sha256);
        }
    }

    private static void payload(TrainedModel model, DataOutputStream out) throws IOException {
        HybridModel hm = model.model();
        out.writeInt(USER_IDS);
        ids(model.userIds(), out);
        out.writeInt(TRACK_IDS);
        ids(model.trackIds(), out);
        Factors f = hm.factors();
        out.writeInt(FACTORS);
        out.writeInt(f.k());
        out.writeInt(f.users());
        out.writeInt(f.items());
        floats(f.userFactors(), out);
        floats(f.itemFactors(), out);
        ItemNeighbours g = hm.graph();
        out.writeInt(NEIGHBOURS);
        out.writeInt(g.items());
        int[] start = new int[g.items() + 1];
        for (int i = 0; i < g.items(); i++) {
            start[i + 1] = g.end(i);
        }
        int entries = start[g.items()];
        int[] neighbour = new int[entries];
        float[] weight = new float[entries];
        for (int e = 0; e < entries; e++) {
            neighbour[e] = g.neighbourAt(e);
            weight[e] = g.weightAt(e);
        }
        ints(start, out);
        ints(neighbour, out);
        floats(weight, out);
        out.writeInt(TRAINING_ROWS);
        sparse(hm.history(), out);
        out.writeInt(INTERACTED);
        sparse(model.interacted(), out);
        out.writeInt(LISTENERS);
        ints(hm.listeners(), out);
        Blend b = hm.blend();
        out.writeInt(BLEND);
        out.writeDouble(b.factorWeight());
        out.writeDouble(b.graphWeight());
        out.writeDouble(b.popularityPenalty());
        out.writeDouble(b.factorPopularityExponent());
        out.writeInt(END);
    }

    private static TrainedModel payload(DataInputStream in, Bounded bound, HeaderFields h) throws IOException {
        section(in, USER_IDS, "user ids");
        List<String> userIds = ids(in, bound);
        section(in, TRACK_IDS, "track ids");
        List<String> trackIds = ids(in, bound);
        if (userIds.size() != h.users || trackIds.size() != h.tracks) {
            throw new ModelFormatException("corrupt model " + h.version + ": the header counts " + h.users + " users and " + h.tracks
                    + " tracks, the payload " + userIds.size() + " and " + trackIds.size());
        }
        section(in, FACTORS, "factors");
        int k = in.readInt();
        int users = in.readInt();
        int items = in.readInt();
        Factors factors = new Factors(k, users, items, floats(in, bound), floats(in, bound));
        section(in, NEIGHBOURS, "neighbour lists");
        int graphItems = in.readInt();
        int[] start = ints(in, bound);
        int[] neighbour = ints(in, bound);
        for (int n : neighbour) {
            if (n < 0 || n >= graphItems) {
                throw new IllegalArgumentException("a neighbour index is outside the " + graphItems + " tracks");
            }
        }
        ItemNeighbours graph = new ItemNeighbours(graphItems, start, neighbour, floats(in, bound));
        section(in, TRAINING_ROWS, "training rows");
        SparseMatrix history = sparse(in, bound);
        section(in, INTERACTED, "interacted pairs");
        SparseMatrix interacted = sparse(in, bound);
        section(in, LISTENERS, "listeners");
        int[] listeners = ints(in, bound);
        section(in, BLEND, "blend");
        Blend blend = new Blend(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        section(in, END, "end");
        if (interacted.rows() != userIds.size() || interacted.columns() != trackIds.size() || items != trackIds.size()
                || users != userIds.size()) {
            throw new IllegalArgumentException("the sections disagree on users or tracks");
        }
        HybridModel model = new HybridModel(factors, graph, history, listeners, blend);
        return new TrainedModel(model, interacted, userIds, index(userIds), trackIds, index(trackIds), h.trainedAt, h.interactions, h.version);
    }

    private static void section(DataInputStream in, int expected, String name) throws IOException {
        int tag = in.readInt();
        if (tag != expected) {
            throw new ModelFormatException("corrupt model: the " + name + " section is missing");
        }
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int n = 0; n < ids.size(); n++) {
            if (index.put(ids.get(n), n) != null) {
                throw new IllegalArgumentException("id " + ids.get(n) + " appears twice");
            }
        }
        return Map.copyOf(index);
    }

    private static void ids(List<String> ids, DataOutputStream out) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    private static List<String> ids(DataInputStream in, Bounded bound) throws IOException {
        int n = count(in, bound, 2);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(in.readUTF());
        }
        return List.copyOf(ids);
    }

    private static void sparse(SparseMatrix m, DataOutputStream out) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.columns());
        int[] start = new int[m.rows() + 1];
        for (int r = 0; r < m.rows(); r++) {
            start[r + 1] = m.end(r);
        }
        int n = m.nonZeros();
        int[] column = new int[n];
        float[] value = new float[n];
        for (int e = 0; e < n; e++) {
            column[e] = m.columnAt(e);
            value[e] = m.valueAt(e);
        }
        ints(start, out);
        ints(column, out);
        floats(value, out);
    }

    private static SparseMatrix sparse(DataInputStream in, Bounded bound) throws IOException {
        int rows = in.readInt();
        int columns = in.readInt();
        return SparseMatrix.of(rows, columns, ints(in, bound), ints(in, bound), floats(in, bound));
    }

    private static void ints(int[] values, DataOutputStream out) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int from = 0; from < values.length; from += buffer.capacity() / 4) {
            int n = Math.min(values.length - from, buffer.capacity() / 4);
            buffer.clear();
            buffer.asIntBuffer().put(values, from, n);
            out.write(buffer.array(), 0, n * 4);
        }
    }

    private static void floats(float[] values, DataOutputStream out) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int from = 0; from < values.length; from += buffer.capacity() / 4) {
            int n = Math.min(values.length - from, buffer.capacity() / 4);
            buffer.clear();
            buffer.asFloatBuffer().put(values, from, n);
            out.write(buffer.array(), 0, n * 4);
        }
    }

    private static int[] ints(DataInputStream in, Bounded bound) throws IOException {
        int[] out = new int[count(in, bound, 4)];
        byte[] bytes = new byte[1 << 16];
        for (int from = 0; from < out.length; from += bytes.length / 4) {
            int n = Math.min(out.length - from, bytes.length / 4);
            in.readFully(bytes, 0, n * 4);
            ByteBuffer.wrap(bytes, 0, n * 4).asIntBuffer().get(out, from, n);
        }
        return out;
    }

    private static float[] floats(DataInputStream in, Bounded bound) throws IOException {
        float[] out = new float[count(in, bound, 4)];
        byte[] bytes = new byte[1 << 16];
        for (int from = 0; from < out.length; from += bytes.length / 4) {
            int n = Math.min(out.length - from, bytes.length / 4);
            in.readFully(bytes, 0, n * 4);
            ByteBuffer.wrap(bytes, 0, n * 4).asFloatBuffer().get(out, from, n);
        }
        return out;
    }

    /** An array length, refused when the rest of the payload cannot hold it (a corrupt length must not allocate gigabytes). */
    private static int count(DataInputStream in, Bounded bound, int bytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > bound.remaining()) {
            throw new ModelFormatException("corrupt model: an array of " + n + " entries does not fit the " + bound.remaining()
                    + " payload bytes left");
        }
        return n;
    }

    private static int tag(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** The payload: at most its declared length is read, so a following section can never be taken for it. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long remaining() {
            return limit - read;
        }

        @Override
        public int read() throws IOException {
            if (read >= limit) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= limit) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, limit - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
