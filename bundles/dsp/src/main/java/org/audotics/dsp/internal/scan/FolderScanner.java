package org.audotics.dsp.internal.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidFieldException;
import org.audotics.catalog.api.TrackImport;
import org.audotics.dsp.internal.jobs.AnalysisService;
import org.audotics.dsp.internal.jobs.AnalysisStore;
import org.audotics.dsp.internal.jobs.JobState;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the catalog from a music folder: walks it for audio files (by extension: the analysis checks
 * the real format), turns each new or changed file into a catalog track from its tags ({@link TagReader};
 * external id {@code file:<absolute path>}, so a rescan updates rather than duplicates) and queues its
 * analysis, reading the file in place. A file with the size and modification time the last scan saw is
 * skipped. Scans run one at a time per node, in the background; their progress lives in the database.
 */
@Component(service = FolderScanner.class)
public final class FolderScanner {

    static final Set<String> EXTENSIONS = Set.of("wav", "wave", "flac", "mp3", "ogg", "oga", "aif", "aiff", "aifc", "au", "snd");
    private static final Logger LOG = LoggerFactory.getLogger(FolderScanner.class);
    /** Tracks imported per catalog transaction. */
    private static final int BATCH = 100;

    private final AnalysisService analysis;
    private final CatalogService catalog;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audotics-folder-scan");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean interruptedScansEnded;

    /** A scan with the states of the analyses it queued. */
    public record Progress(ScanJob scan, Map<JobState, Integer> analyses) {

        public int analyses(JobState state) {
            return analyses.getOrDefault(state, 0);
        }

        /** The scan walked the whole folder and every analysis it queued has ended. */
        public boolean finished() {
            return scan.state() == ScanState.FAILED
                    || scan.state() == ScanState.DONE && analyses(JobState.QUEUED) + analyses(JobState.RUNNING) == 0;
        }
    }

    @Activate
    public FolderScanner(@Reference AnalysisService analysis, @Reference CatalogService catalog) {
        this.analysis = analysis;
        this.catalog = catalog;
    }

    @Deactivate
    void deactivate() {
        runner.shutdownNow();
    }

    /**
     * Starts scanning a folder.
     *
     * @throws IllegalArgumentException when the folder does not exist, is no folder or cannot be read
     * @throws StorageException         when the database is not ready
     */
    public ScanJob start(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("folder '" + absolute + "' does not exist on the server");
        }
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("'" + absolute + "' is a file, not a folder");
        }
        if (!Files.isReadable(absolute)) {
            throw new IllegalArgumentException("folder '" + absolute + "' cannot be read by the server");
        }
        ScanStore store = store();
        ScanJob job = store.create(absolute.toString(), analysis.nodeId());
        runner.execute(() -> run(store, job.id(), absolute));
        return job;
    }

    public Optional<Progress> progress(String scanId) {
        ScanStore store = store();
        return store.scan(scanId).map(scan -> new Progress(scan, analysis.storeIfReady().orElseThrow().jobCountsOfScan(scanId)));
    }

    private ScanStore store() {
        AnalysisStore ready = analysis.storeIfReady()
                .orElseThrow(() -> new StorageException("the analysis queue is not ready yet", StorageException.Reason.UNAVAILABLE, null));
        ScanStore store = new ScanStore(ready.sql());
        if (!interruptedScansEnded) {
            int ended = store.failInterrupted(analysis.nodeId());
            interruptedScansEnded = true;
            if (ended > 0) {
                LOG.info("Folder scan: {} scan(s) interrupted by the last stop are marked failed", ended);
            }
        }
        return store;
    }

    private void run(ScanStore store, String scanId, Path folder) {
        try {
            store.running(scanId);
            List<Path> files = audioFiles(folder);
            store.found(scanId, files.size());
            LOG.info("Folder scan {}: {} audio files in {}", scanId, files.size(), folder);
            Counts counts = new Counts();
            for (int from = 0; from < files.size(); from += BATCH) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the node is stopping; the scan is ended as interrupted on the next start
                }
                scanBatch(store, scanId, files.subList(from, Math.min(files.size(), from + BATCH)), counts);
                store.progress(scanId, counts.done, counts.imported, counts.unchanged, counts.failed);
            }
            store.finish(scanId, ScanState.DONE, null);
            LOG.info("Folder scan {} done: {} imported, {} unchanged, {} unreadable", scanId, counts.imported, counts.unchanged, counts.failed);
        } catch (StorageException | UncheckedIOException e) {
            LOG.warn("Folder scan {} failed: {}", scanId, e.getMessage());
            finishQuietly(store, scanId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Folder scan {} failed", scanId, e);
            finishQuietly(store, scanId, "the scan failed: " + e);
        }
    }

    private static final class Counts {
        int done;
        int imported;
        int unchanged;
        int failed;
    }

    private record Candidate(Path file, BasicFileAttributes attributes, TrackImport track) {
    }

    private void scanBatch(ScanStore store, String scanId, List<Path> files, Counts counts) {
        List<Candidate> changed = new ArrayList<>();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Optional<ScanStore.SeenFile> seen = store.seen(file.toString());
                if (seen.isPresent() && seen.get().sizeBytes() == attributes.size()
                        && seen.get().modifiedAt() == attributes.lastModifiedTime().toMillis() && catalog.track(seen.get().trackId()).isPresent()) {
                    counts.unchanged++;
                    counts.done++;
                    continue;
                }
                changed.add(new Candidate(file, attributes, trackOf(file, TagReader.read(file))));
            } catch (IOException | InvalidFieldException e) {
                LOG.warn("Folder scan {}: skipping {} ({})", scanId, file, e.getMessage());
                counts.failed++;
                counts.done++;
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        ImportResult result = catalog.importTracks(changed.stream().map(Candidate::track).toList());
        for (int i = 0; i < changed.size(); i++) {
            Candidate candidate = changed.get(i);
            String trackId = result.tracks().get(i).id();
            analysis.submit(trackId, candidate.file(), scanId);
            store.remember(candidate.file().toString(),
                    new ScanStore.SeenFile(candidate.attributes().size(), candidate.attributes().lastModifiedTime().toMillis(), trackId));
            counts.imported++;
            counts.done++;
        }
    }

    static TrackImport trackOf(Path file, FileTags tags) {
        List<ArtistImport> artists = tags.artists().stream().map(name -> new ArtistImport(null, name)).toList();
        AlbumImport album = tags.album() == null ? null
                : new AlbumImport("name:" + tags.artists().get(0).toLowerCase(Locale.ROOT) + "/" + tags.album().toLowerCase(Locale.ROOT),
                        tags.album(), tags.year());
        String externalId = "file:" + file;
        if (externalId.length() > 200) {
            externalId = "file-sha256:" + sha256(file.toString()); // the catalog keeps ids to 200 characters
        }
        return new TrackImport(externalId, tags.title(), artists, album, tags.genre() == null ? List.of() : List.of(tags.genre()), 0,
                Math.max(1, tags.durationMs()), false, tags.trackNumber(), tags.discNumber(), null);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Audio files under the folder, hidden files and folders excepted, in path order. */
    static List<Path> audioFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !isHidden(folder.relativize(path)))
                    .filter(path -> EXTENSIONS.contains(extension(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the folder could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void finishQuietly(ScanStore store, String scanId, String message) {
        try {
            store.finish(scanId, ScanState.FAILED, message);
        } catch (StorageException stillDown) {
            // stays RUNNING for this node and is ended as interrupted on its next start
        }
    }
}
