package org.audotics.dsp.internal.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.audotics.catalog.api.CatalogImages;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidFieldException;
import org.audotics.catalog.api.InvalidImageException;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.dsp.internal.jobs.AnalysisQueue;
import org.audotics.dsp.internal.jobs.AnalysisStore;
import org.audotics.dsp.internal.jobs.DspConfig;
import org.audotics.dsp.internal.jobs.JobState;
import org.audotics.dsp.internal.jobs.Threads;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the catalog from a music folder inside the library roots ({@link LibraryRoots}): walks it
 * ({@link FolderWalk}), turns each new or changed file into a catalog track ({@link ScannedTracks}) and
 * queues its analysis, reading the file in place. A file with the size and modification time the last scan
 * saw is skipped. Scans run one at a time per node, in the background; their progress lives in the
 * database. A failed scan's message is ours; the details go to the log under the error id it quotes.
 *
 * <p>Each album of the scan gets a cover ({@link CoverArt}: a {@code cover.jpg} beside its files, else art embedded
 * in them) stored by the catalog ({@link CatalogImages}), once per album and scan, unchanged files included (a
 * cover added later is found by the next scan). A cover that is no image, too large, or has too many pixels is
 * logged and skipped: it never fails the scan. Without a {@code CatalogImages} service albums get no covers.
 */
@Component(service = FolderScanner.class, configurationPid = DspConfig.PID)
public final class FolderScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FolderScanner.class);
    /** Tracks imported per catalog transaction. */
    private static final int BATCH = 100;

    private final AnalysisQueue queue;
    private final CatalogService catalog;
    private final LibraryRoots roots;
    private final CoverArt covers;
    /** Optional and dynamic: a catalog without stored images (before catalog-api 1.5) still takes scans. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CatalogImages images;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Threads.named("audotics-folder-scan"));
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
    public FolderScanner(@Reference AnalysisQueue queue, @Reference CatalogService catalog, DspConfig config) {
        this(queue, catalog, LibraryRoots.parse(config.library_roots(), Path.of(System.getProperty("karaf.data", "data"))));
    }

    FolderScanner(AnalysisQueue queue, CatalogService catalog, LibraryRoots roots) {
        this.queue = queue;
        this.catalog = catalog;
        this.roots = roots;
        this.covers = new CoverArt(roots, CatalogImages.MAX_IMAGE_BYTES);
    }

    @Deactivate
    void deactivate() {
        runner.shutdownNow();
    }

    /**
     * Starts scanning a folder.
     *
     * @param folder the folder as the caller gave it
     * @throws ScanRefusedException when it is not a readable folder inside a library root (one answer for every reason)
     * @throws StorageException     when the database is not ready
     */
    public ScanJob start(String folder) {
        Path real = roots.confine(folder);
        ScanStore store = store();
        ScanJob job = store.create(real.toString(), queue.nodeId());
        runner.execute(() -> run(store, job.id(), real));
        return job;
    }

    public Optional<Progress> progress(String scanId) {
        ScanStore store = store();
        return store.scan(scanId).map(scan -> new Progress(scan, queue.storeIfReady().orElseThrow().jobCountsOfScan(scanId)));
    }

    /** The newest scans first (for the operator's {@code audotics:jobs}). */
    public java.util.List<ScanJob> recent(int limit) {
        return store().recent(limit);
    }

    /** @return the files that scans found for the track and that are still there, the newest scan first */
    public java.util.List<Path> scannedFilesOf(String trackId) {
        return store().pathsOf(trackId).stream().map(Path::of).filter(java.nio.file.Files::isRegularFile).toList();
    }

    private ScanStore store() {
        AnalysisStore ready = queue.storeIfReady()
                .orElseThrow(() -> new StorageException("the analysis queue is not ready yet", StorageException.Reason.UNAVAILABLE, null));
        ScanStore store = new ScanStore(ready.sql());
        if (!interruptedScansEnded) {
            int ended = store.failInterrupted(queue.nodeId());
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
            FolderWalk.Found found = FolderWalk.audioFiles(folder, roots);
            List<Path> files = found.files();
            store.found(scanId, files.size());
            LOG.info("Folder scan {}: {} audio files in {} ({} entries unreadable)", scanId, files.size(), folder, found.unreadable());
            Counts counts = new Counts();
            Set<String> coveredAlbums = new HashSet<>();
            counts.failed = found.unreadable();
            for (int from = 0; from < files.size(); from += BATCH) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the node is stopping; the scan is ended as interrupted on the next start
                }
                scanBatch(store, scanId, files.subList(from, Math.min(files.size(), from + BATCH)), counts, coveredAlbums);
                store.progress(scanId, counts.done, counts.imported, counts.unchanged, counts.failed);
            }
            store.progress(scanId, counts.done, counts.imported, counts.unchanged, counts.failed);
            store.finish(scanId, ScanState.DONE, null);
            LOG.info("Folder scan {} done: {} imported, {} unchanged, {} unreadable", scanId, counts.imported, counts.unchanged, counts.failed);
        } catch (IOException e) {
            fail(store, scanId, "the folder could not be read", e);
        } catch (StorageException e) {
            fail(store, scanId, e.unavailable() ? "the database became unavailable; scan again (unchanged files are skipped)"
                    : "the scan could not be recorded", e);
        } catch (RuntimeException e) {
            fail(store, scanId, "the scan failed", e);
        }
    }

    private static void fail(ScanStore store, String scanId, String message, Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Folder scan {} failed: {}, error id {}", scanId, message, errorId, e);
        try {
            store.finish(scanId, ScanState.FAILED, message + " (details in the server log under error id " + errorId + ")");
        } catch (StorageException stillDown) {
            // stays RUNNING for this node and is ended as interrupted on its next start
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

    private void scanBatch(ScanStore store, String scanId, List<Path> files, Counts counts, Set<String> coveredAlbums) {
        List<Candidate> changed = new ArrayList<>();
        Map<String, List<Path>> filesByAlbum = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Optional<ScanStore.SeenFile> seen = store.seen(file.toString());
                Optional<Track> known = seen.flatMap(s -> catalog.track(s.trackId()));
                if (known.isPresent() && seen.get().sizeBytes() == attributes.size()
                        && seen.get().modifiedAt() == attributes.lastModifiedTime().toMillis()) {
                    counts.unchanged++;
                    counts.done++;
                    if (known.get().album() != null) {
                        filesByAlbum.computeIfAbsent(known.get().album().id(), album -> new ArrayList<>()).add(file);
                    }
                    continue;
                }
                FileTags tags = TagReader.read(file);
                // a track scanned under an earlier id rule keeps its id: updated, not duplicated
                TrackImport track = known.filter(t -> !t.externalId().startsWith(ScannedTracks.EXTERNAL_ID_PREFIX))
                        .map(t -> ScannedTracks.trackOf(t.externalId(), tags)).orElseGet(() -> ScannedTracks.trackOf(file, tags));
                changed.add(new Candidate(file, attributes, track));
            } catch (IOException | InvalidFieldException e) {
                LOG.warn("Folder scan {}: skipping {} ({})", scanId, file, e.getMessage());
                counts.failed++;
                counts.done++;
            }
        }
        if (!changed.isEmpty()) {
            importChanged(store, scanId, changed, counts, filesByAlbum);
        }
        attachCovers(scanId, filesByAlbum, coveredAlbums);
    }

    private void importChanged(ScanStore store, String scanId, List<Candidate> changed, Counts counts, Map<String, List<Path>> filesByAlbum) {
        ImportResult result = catalog.importTracks(changed.stream().map(Candidate::track).toList());
        Map<String, Track> imported = catalog.tracks(result.tracks().stream().map(ImportResult.ImportedTrack::id).toList());
        for (int i = 0; i < changed.size(); i++) {
            Candidate candidate = changed.get(i);
            String trackId = result.tracks().get(i).id();
            queue.submit(trackId, candidate.file(), scanId);
            store.remember(candidate.file().toString(),
                    new ScanStore.SeenFile(candidate.attributes().size(), candidate.attributes().lastModifiedTime().toMillis(), trackId));
            counts.imported++;
            counts.done++;
            Track track = imported.get(trackId);
            if (track != null && track.album() != null) {
                filesByAlbum.computeIfAbsent(track.album().id(), album -> new ArrayList<>()).add(candidate.file());
            }
        }
    }

    /** Stores and sets the cover of each album not covered yet in this scan; a bad cover is skipped and logged. */
    private void attachCovers(String scanId, Map<String, List<Path>> filesByAlbum, Set<String> coveredAlbums) {
        CatalogImages catalogImages = images;
        if (catalogImages == null) {
            return;
        }
        filesByAlbum.forEach((albumId, albumFiles) -> {
            if (!coveredAlbums.add(albumId)) {
                return;
            }
            covers.of(albumFiles).ifPresent(cover -> {
                try {
                    StoredImage image = catalogImages.store(cover.data());
                    catalogImages.setAlbumImage(albumId, image.id());
                } catch (InvalidImageException e) {
                    LOG.warn("Folder scan {}: skipping the cover from {}: it {}", scanId, cover.source(), e.getMessage());
                }
            });
        });
    }
}
