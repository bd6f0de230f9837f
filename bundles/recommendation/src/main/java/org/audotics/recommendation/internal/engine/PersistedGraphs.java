package org.audotics.recommendation.internal.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HNSW graphs kept on disk, one directory per {@link BaseFingerprint} ({@code <root>/<32 hex digits>/}: the
 * Lucene files of the graph's one commit and {@value #MANIFEST}), so a start, a rebuild or a compaction whose base
 * has the same tracks, features and graph settings as one built before loads the graph instead of building it
 * (minutes at a million tracks).
 *
 * <p>A graph is written into a temporary directory beside the others, every file fsynced, the manifest last, then
 * renamed into place and the root fsynced, so a directory with a fingerprint's name is complete or absent; a crash
 * leaves at most a temporary directory, removed by the next save. Only the newest {@link #KEEP} are kept.
 *
 * <p>Loading never serves a wrong graph: the manifest must name the fingerprint, format and size asked for, every
 * Lucene file's checksum must hold (read in full, not only its footer), and the commit must have one document per
 * base position ({@link BaseVectorIndex#open}). Anything else is logged, the directory deleted, and the caller
 * builds. Files are read into a heap directory rather than mapped, for the reason {@link BaseVectorIndex} gives.
 *
 * <p>Used by the graph thread only ({@link VectorIndexBuilder}); not thread-safe.
 */
final class PersistedGraphs {

    private static final Logger LOG = LoggerFactory.getLogger(PersistedGraphs.class);
    static final String MANIFEST = "graph.properties";
    /** The graph just written and the one before (a base that came back, say after a restart before a compaction). */
    static final int KEEP = 2;
    private static final String TEMPORARY = ".tmp-";
    /** What this class names its directories: nothing else in the root (a configured one may hold more) is touched. */
    private static final Pattern OURS = Pattern.compile("[0-9a-f]{32}(\\.tmp-\\d+)?");

    private final Path root;

    PersistedGraphs(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * @return the graph kept for this fingerprint, opened for {@code base}; null when none is kept, or the one kept
     *         is unreadable or not this base's (then it is deleted)
     */
    BaseVectorIndex load(BaseFingerprint fingerprint, TrackIndex base, VectorIndexSettings settings) {
        Path dir = root.resolve(fingerprint.hex());
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try {
            checkManifest(dir, fingerprint, base);
            Directory heap = new ByteBuffersDirectory();
            try (Directory disk = new NIOFSDirectory(dir)) {
                for (String name : disk.listAll()) {
                    if (!name.equals(MANIFEST)) {
                        heap.copyFrom(disk, name, name, IOContext.READONCE);
                        try (IndexInput input = heap.openInput(name, IOContext.READONCE)) {
                            CodecUtil.checksumEntireFile(input);
                        }
                    }
                }
            }
            BaseVectorIndex index = BaseVectorIndex.open(base, heap, settings);
            Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis())); // newest: kept longest
            return index;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Feature graph {} not loaded ({}): deleted, the graph is built again", dir, e.toString());
            delete(dir);
            return null;
        }
    }

    private static void checkManifest(Path dir, BaseFingerprint fingerprint, TrackIndex base) throws IOException {
        Properties manifest = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(reader);
        } catch (NoSuchFileException e) {
            throw new IOException("no " + MANIFEST);
        }
        if (!String.valueOf(BaseFingerprint.FORMAT).equals(manifest.getProperty("format"))
                || !fingerprint.hex().equals(manifest.getProperty("fingerprint"))
                || !String.valueOf(base.size()).equals(manifest.getProperty("tracks"))) {
            throw new IOException(MANIFEST + " is of another graph: " + manifest);
        }
    }

    /**
     * Writes the graph's last commit under its fingerprint, then deletes all but the newest {@link #KEEP}; a failure
     * is logged (a missing copy costs the next start a build, nothing else).
     */
    void save(BaseFingerprint fingerprint, BaseVectorIndex index, VectorIndexSettings settings) {
        Path target = root.resolve(fingerprint.hex());
        Path temporary = root.resolve(fingerprint.hex() + TEMPORARY + System.nanoTime());
        try {
            Files.createDirectories(root);
            if (Files.isDirectory(target)) {
                Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
            } else {
                write(index.directory(), temporary, fingerprint, index.base(), settings);
                move(temporary, target);
                IOUtils.fsync(root, true);
            }
            prune(target);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Feature graph not kept in {} ({}); the next start builds it again", root, e.toString());
            delete(temporary);
        }
    }

    private static void write(Directory heap, Path temporary, BaseFingerprint fingerprint, TrackIndex base,
            VectorIndexSettings settings) throws IOException {
        Files.createDirectories(temporary);
        try (Directory disk = new NIOFSDirectory(temporary)) {
            List<String> names = new ArrayList<>(SegmentInfos.readLatestCommit(heap).files(true));
            for (String name : names) {
                disk.copyFrom(heap, name, name, IOContext.DEFAULT);
            }
            disk.sync(names);
        }
        Properties manifest = new Properties();
        manifest.setProperty("format", String.valueOf(BaseFingerprint.FORMAT));
        manifest.setProperty("fingerprint", fingerprint.hex());
        manifest.setProperty("tracks", String.valueOf(base.size()));
        manifest.setProperty("max_connections", String.valueOf(settings.maxConnections()));
        manifest.setProperty("beam_width", String.valueOf(settings.beamWidth()));
        Path file = temporary.resolve(MANIFEST);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            manifest.store(writer, "feature-knn HNSW graph (docs/recommender.md); the directory is deleted when unreadable");
        }
        IOUtils.fsync(file, false);
        IOUtils.fsync(temporary, true);
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename atomically in " + target.getParent(), e); // never a half-copied graph
        }
    }

    /** Deletes every temporary directory and every graph but the newest {@link #KEEP}, {@code kept} among them. */
    private void prune(Path kept) throws IOException {
        List<Path> graphs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!OURS.matcher(name).matches()) {
                    continue;
                }
                if (name.contains(TEMPORARY)) {
                    delete(entry); // a save that died; only this thread writes here
                } else if (!entry.equals(kept) && Files.isDirectory(entry)) {
                    graphs.add(entry);
                }
            }
        }
        graphs.sort(Comparator.comparing(PersistedGraphs::modified).reversed());
        for (Path stale : graphs.subList(Math.min(graphs.size(), KEEP - 1), graphs.size())) {
            delete(stale);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Feature graph directory {} not deleted ({})", path, e.toString());
        }
    }
}
