package org.audotics.dsp.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
import org.audotics.catalog.api.AlbumRef;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.dsp.internal.jobs.AnalysisQueue;
import org.audotics.dsp.internal.jobs.AnalysisWorkers;
import org.audotics.dsp.internal.jobs.DspConfig;
import org.audotics.dsp.internal.jobs.JobState;
import org.audotics.dsp.internal.models.FeatureModels;
import org.audotics.dsp.internal.models.TrackAnalyzer;
import org.audotics.dsp.internal.signal.Signals;
import org.audotics.ml.internal.Dl4jModelRuntime;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder scan end to end below REST: real files (WAV, tagged FLAC and MP3 where the encoders are
 * installed), the real job queue on an embedded database, real analysis; the catalog is an in-memory
 * stand-in that records what the scan imports and the features analysis sets.
 */
class FolderScannerTest {

    @TempDir
    Path data;
    @TempDir
    Path music;

    private PooledDatabase database;
    private AnalysisQueue queue;
    private AnalysisWorkers workers;
    private MemoryCatalog catalog;
    private FolderScanner scanner;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("karaf.data", data.toString());
        database = EmbeddedDatabase.open(data);
        catalog = new MemoryCatalog();
        queue = new AnalysisQueue(database);
        workers = new AnalysisWorkers(queue, TrackAnalyzer.withModels(FeatureModels.load(new Dl4jModelRuntime())), catalog, config());
        scanner = new FolderScanner(queue, catalog, new LibraryRoots(List.of(music)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (queue.storeIfReady().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stop() {
        scanner.deactivate();
        workers.deactivate();
        queue.deactivate();
        database.close();
    }

    private FolderScanner.Progress awaitFinished(String scanId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        FolderScanner.Progress progress;
        do {
            Thread.sleep(100);
            progress = scanner.progress(scanId).orElseThrow();
        } while (!progress.finished() && System.nanoTime() < deadline);
        assertTrue(progress.finished(), "scan did not finish: " + progress);
        return progress;
    }

    @Test
    void importsTagsAndFileNamesAnalysesEveryFileAndSkipsUnchangedOnRescan() throws Exception {
        Path album = Files.createDirectories(music.resolve("Some Artist").resolve("Some Album"));
        Path wav = Signals.wav(album.resolve("03 - The Band - Clicking Along.wav"), Signals.drums(120, 8, 22_050, 1), 22_050,
                AudioFormat.Encoding.PCM_SIGNED, 16);
        Files.writeString(album.resolve("cover.txt"), "not audio");
        Files.createDirectories(music.resolve(".hidden"));
        Signals.wav(music.resolve(".hidden").resolve("ignored.wav"), Signals.drums(100, 4, 22_050, 2), 22_050, AudioFormat.Encoding.PCM_SIGNED, 16);
        Files.writeString(music.resolve("broken.mp3"), "this is no mp3 at all");
        boolean flac = encode("flac", "-s", "-f", "-T", "TITLE=Tagged Title", "-T", "ARTIST=Tagged Artist", "-T", "ALBUM=Tagged Album",
                "-T", "GENRE=Jazz", "-T", "TRACKNUMBER=7", "-o", music.resolve("tagged.flac").toString(), wav.toString());

        ScanJob started = scanner.start(music.toString());
        FolderScanner.Progress done = awaitFinished(started.id());
        int expectedFiles = flac ? 3 : 2;
        assertEquals(ScanState.DONE, done.scan().state(), String.valueOf(done));
        assertEquals(expectedFiles, done.scan().filesFound());
        assertEquals(expectedFiles, done.scan().imported());
        assertEquals(flac ? 2 : 1, done.analyses(JobState.DONE), "the WAV and FLAC are analysed");
        assertEquals(1, done.analyses(JobState.FAILED), "the fake MP3 fails its analysis, the scan goes on");

        TrackImport fromName = catalog.imported(album.resolve("03 - The Band - Clicking Along.wav"));
        assertEquals("Clicking Along", fromName.name());
        assertEquals("The Band", fromName.artists().get(0).name());
        assertEquals(3, fromName.trackNumber());
        AudioFeatures features = catalog.features.get(catalog.idOf(fromName));
        assertNotNull(features, "the analysis set the features in the catalog");
        assertEquals(120, features.tempo(), 120 * 0.02);
        if (flac) {
            TrackImport tagged = catalog.imported(music.resolve("tagged.flac"));
            assertEquals("Tagged Title", tagged.name());
            assertEquals("Tagged Artist", tagged.artists().get(0).name());
            assertEquals("Tagged Album", tagged.album().name());
            assertEquals(List.of("jazz"), tagged.genres());
            assertEquals(7, tagged.trackNumber());
        }

        // a rescan skips what is unchanged and picks up what is new or changed
        Signals.wav(album.resolve("04 - New One.wav"), Signals.drums(90, 6, 22_050, 3), 22_050, AudioFormat.Encoding.PCM_SIGNED, 16);
        Files.setLastModifiedTime(wav, FileTime.fromMillis(Files.getLastModifiedTime(wav).toMillis() + 5_000));
        FolderScanner.Progress rescan = awaitFinished(scanner.start(music.toString()).id());
        assertEquals(expectedFiles + 1, rescan.scan().filesFound());
        assertEquals(2, rescan.scan().imported(), "the new file and the touched one");
        assertEquals(expectedFiles - 1, rescan.scan().unchanged());
        assertEquals(expectedFiles + 1, catalog.tracks.size(), "a rescan updates tracks, never duplicates them");
    }

    @Test
    void refusesWhatIsNotAReadableFolder() throws Exception {
        assertThrows(ScanRefusedException.class, () -> scanner.start(music.resolve("missing").toString()));
        Path file = Files.writeString(music.resolve("a.wav"), "x");
        assertThrows(ScanRefusedException.class, () -> scanner.start(file.toString()));
    }

    @Test
    void aLinkCycleAndALinkOutOfTheRootAreSkippedAndTheScanGoesOn(@TempDir Path outside) throws Exception {
        Signals.wav(music.resolve("inside.wav"), Signals.drums(120, 4, 22_050, 1), 22_050, AudioFormat.Encoding.PCM_SIGNED, 16);
        Signals.wav(outside.resolve("secret.wav"), Signals.drums(120, 4, 22_050, 1), 22_050, AudioFormat.Encoding.PCM_SIGNED, 16);
        Files.createDirectories(music.resolve("sub"));
        Files.createSymbolicLink(music.resolve("sub").resolve("loop"), music);
        Files.createSymbolicLink(music.resolve("elsewhere"), outside);
        Files.createSymbolicLink(music.resolve("secret.wav"), outside.resolve("secret.wav"));

        FolderScanner.Progress done = awaitFinished(scanner.start(music.toString()).id());
        assertEquals(ScanState.DONE, done.scan().state(), String.valueOf(done));
        assertEquals(1, done.scan().filesFound(), "only the file inside the root");
        assertEquals(1, catalog.tracks.size());
        catalog.imported(music.resolve("inside.wav"));
    }

    @Test
    void anEmptyFolderFinishesAtOnce() throws Exception {
        FolderScanner.Progress done = awaitFinished(scanner.start(music.toString()).id());
        assertEquals(ScanState.DONE, done.scan().state());
        assertEquals(0, done.scan().filesFound());
        assertEquals(1.0, done.scan().fileProgress());
    }

    private static boolean encode(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (java.io.IOException notInstalled) {
            return false; // the scan is tested without the tagged FLAC (.ci/run installs flac)
        }
    }

    private static DspConfig config() {
        return new DspConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DspConfig.class;
            }

            @Override
            public String audio_folder() {
                return "";
            }

            @Override
            public int max_upload_mb() {
                return 10;
            }

            @Override
            public int worker_threads() {
                return 2;
            }

            @Override
            public int stale_job_seconds() {
                return 300;
            }

            @Override
            public String library_roots() {
                return "";
            }
        };
    }

    /** Just enough catalog for a scan: imports by external id, lookups, features. */
    static final class MemoryCatalog implements CatalogService {
        final Map<String, TrackImport> tracks = new ConcurrentHashMap<>();
        final Map<String, AudioFeatures> features = new ConcurrentHashMap<>();

        String idOf(TrackImport track) {
            return Integer.toHexString(track.externalId().hashCode());
        }

        TrackImport imported(Path file) throws java.io.IOException {
            String externalId = ScannedTracks.externalIdOf(file.toRealPath());
            return tracks.values().stream().filter(t -> t.externalId().equals(externalId)).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " was not imported: " + tracks.values()));
        }

        @Override
        public ImportResult importTracks(List<TrackImport> batch) {
            int created = 0;
            List<ImportResult.ImportedTrack> imported = new java.util.ArrayList<>();
            for (TrackImport track : batch) {
                boolean isNew = tracks.put(idOf(track), track) == null;
                created += isNew ? 1 : 0;
                imported.add(new ImportResult.ImportedTrack(track.externalId(), idOf(track), isNew));
            }
            return new ImportResult(created, batch.size() - created, imported);
        }

        @Override
        public boolean updateAudioFeatures(String trackId, AudioFeatures audioFeatures) {
            if (!tracks.containsKey(trackId)) {
                return false;
            }
            features.put(trackId, audioFeatures);
            return true;
        }

        @Override
        public Optional<Track> track(String id) {
            TrackImport t = tracks.get(id);
            return t == null ? Optional.empty() : Optional.of(new Track(id, t.externalId(), t.name(),
                    t.artists().stream().map(a -> new ArtistRef(a.externalId(), a.name())).toList(), (AlbumRef) null, t.genres(), 0,
                    t.durationMs(), false, t.trackNumber(), t.discNumber(), features.get(id)));
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            return ids.stream().map(this::track).flatMap(Optional::stream).collect(Collectors.toMap(Track::id, t -> t));
        }

        @Override
        public Optional<Artist> artist(String id) {
            return Optional.empty();
        }

        @Override
        public List<Track> tracksWithFeatures(String afterId, int limit) {
            return List.of();
        }

        @Override
        public List<String> genres() {
            return List.of();
        }

        @Override
        public long revision() {
            return features.size();
        }
    }
}
