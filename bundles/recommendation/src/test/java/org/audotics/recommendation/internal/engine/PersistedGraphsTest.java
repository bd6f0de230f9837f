package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HNSW graph kept on disk: loaded for the same base and settings, rebuilt for anything else, never served wrong. */
class PersistedGraphsTest {

    private static final int TRACKS = 4_000;
    private static List<Track> catalog;
    private static TrackIndex base;
    /** A graph built without any persistence: what every loaded graph must answer like. */
    private static BaseVectorIndex fresh;

    @TempDir
    Path root;

    @BeforeAll
    static void build() {
        catalog = GraphCandidatesTest.tracks(TRACKS, 21);
        base = FeatureIndex.of(1, catalog).base;
        fresh = BaseVectorIndex.build(base, settings(null, 16), () -> false);
    }

    private static VectorIndexSettings settings(Path directory, int maxConnections) {
        return new VectorIndexSettings(0, 5, 100, maxConnections, 100, 64, directory);
    }

    /** A new builder (as after a restart) given the base: what it handed over, and its state. */
    private record Outcome(BaseVectorIndex graph, String state) {
    }

    private static Outcome start(TrackIndex base, VectorIndexSettings settings) {
        AtomicReference<BaseVectorIndex> built = new AtomicReference<>();
        VectorIndexBuilder builder = new VectorIndexBuilder(Runnable::run, settings);
        builder.baseChanged(base, built::set);
        assertNotNull(built.get(), builder.state());
        return new Outcome(built.get(), builder.state());
    }

    private static void assertAnswersLike(BaseVectorIndex expected, BaseVectorIndex actual) {
        Random random = new Random(3);
        int energy = TunableAttribute.ENERGY.ordinal();
        for (int q = 0; q < 60; q++) {
            double[] profile = expected.base().vectorAt(random.nextInt(TRACKS));
            BitSet skip = new BitSet();
            skip.set(random.nextInt(TRACKS));
            assertArrayEquals(expected.nearest(profile, 100, new int[0], new double[0], new double[0], skip),
                    actual.nearest(profile, 100, new int[0], new double[0], new double[0], skip), "query " + q);
            assertArrayEquals(expected.nearest(profile, 20, new int[] {energy}, new double[] {0.3}, new double[] {0.7}, skip),
                    actual.nearest(profile, 20, new int[] {energy}, new double[] {0.3}, new double[] {0.7}, skip),
                    "bounded query " + q);
        }
    }

    private List<Path> graphs() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.sorted().toList();
        }
    }

    private Path onlyGraph() throws IOException {
        List<Path> graphs = graphs();
        assertEquals(1, graphs.size(), graphs.toString());
        return graphs.get(0);
    }

    /** The graph's HNSW links (Lucene99HnswVectorsFormat's .vex file). */
    private static Path links(Path graph) throws IOException {
        try (Stream<Path> files = Files.list(graph)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".vex")).findFirst().orElseThrow();
        }
    }

    @Test
    void aGraphKeptByOneStartIsLoadedByTheNextAndAnswersLikeAFreshBuild() throws IOException {
        Outcome first = start(base, settings(root, 16));
        assertTrue(first.state().contains(", built in"), first.state());
        Path kept = onlyGraph();
        assertEquals(BaseFingerprint.of(base, settings(root, 16)).hex(), kept.getFileName().toString());

        TrackIndex sameTracksReadAgain = FeatureIndex.of(2, catalog).base; // a restart reads the catalog again
        Outcome second = start(sameTracksReadAgain, settings(root, 16));
        assertTrue(second.state().startsWith("candidates from an HNSW graph of " + TRACKS + " tracks, loaded in"),
                second.state());
        assertEquals(sameTracksReadAgain, second.graph().base());
        assertAnswersLike(fresh, second.graph());
        assertEquals(List.of(kept), graphs());
    }

    @Test
    void aBaseWithOneFeatureChangedHasAnotherFingerprintAndIsBuilt() throws IOException {
        start(base, settings(root, 16));
        List<Track> changed = new ArrayList<>(catalog);
        changed.set(3_210, withEnergy(changed.get(3_210), Math.nextUp(changed.get(3_210).audioFeatures().energy())));
        TrackIndex other = FeatureIndex.of(1, changed).base;
        VectorIndexSettings settings = settings(root, 16);
        assertNotEquals(BaseFingerprint.of(base, settings), BaseFingerprint.of(other, settings));
        assertEquals(BaseFingerprint.of(base, settings), BaseFingerprint.of(FeatureIndex.of(3, catalog).base, settings));

        Outcome rebuilt = start(other, settings);
        assertTrue(rebuilt.state().contains(", built in"), rebuilt.state());
        assertAnswersLike(BaseVectorIndex.build(other, settings(null, 16), () -> false), rebuilt.graph());
        assertEquals(2, graphs().size(), "the new graph and the one before are kept");
    }

    @Test
    void theSameTracksInAnotherOrderAreAnotherBase() {
        List<Track> reversed = new ArrayList<>(catalog);
        Collections.reverse(reversed);
        VectorIndexSettings settings = settings(root, 16);
        assertNotEquals(BaseFingerprint.of(TrackIndex.of(catalog), settings), BaseFingerprint.of(TrackIndex.of(reversed), settings));
    }

    @Test
    void aCompactedBaseIsTheBaseARestartReadsSoItsGraphIsLoaded() throws IOException {
        Map<String, Track> current = new HashMap<>();
        List<String> changed = new ArrayList<>();
        for (Track track : catalog.subList(2_500, TRACKS)) { // imported after the first build: the delta
            current.put(track.id(), track);
            changed.add(track.id());
        }
        Track updated = withEnergy(catalog.get(10), 0.99);
        current.put(updated.id(), updated);
        changed.add(updated.id());
        Collections.shuffle(changed, new Random(5)); // events come in any order
        FeatureIndex patched = FeatureIndex.of(1, catalog.subList(0, 2_500)).patched(changed, current);
        assertTrue(patched.wantsCompaction());
        Outcome compaction = start(patched.compacted().base, settings(root, 16));
        assertTrue(compaction.state().contains(", built in"), compaction.state());

        List<Track> readAtRestart = new ArrayList<>(catalog);
        readAtRestart.set(10, updated);
        Collections.shuffle(readAtRestart, new Random(6)); // the database's collation is not Java's order
        TrackIndex restarted = FeatureIndex.of(2, readAtRestart).base;
        Outcome restart = start(restarted, settings(root, 16));
        assertTrue(restart.state().contains(", loaded in"), restart.state());
        assertAnswersLike(BaseVectorIndex.build(restarted, settings(null, 16), () -> false), restart.graph());
    }

    private static Track withEnergy(Track track, double energy) {
        AudioFeatures f = track.audioFeatures();
        return new Track(track.id(), track.externalId(), track.name(), track.artists(), track.album(), track.genres(),
                track.popularity(), track.durationMs(), track.explicit(), track.trackNumber(), track.discNumber(),
                new AudioFeatures(f.acousticness(), f.danceability(), energy, f.instrumentalness(), f.key(), f.liveness(),
                        f.loudness(), f.mode(), f.speechiness(), f.tempo(), f.timeSignature(), f.valence()));
    }

    @Test
    void anotherMaxConnectionsInvalidatesTheKeptGraph() throws IOException {
        start(base, settings(root, 16));
        assertNotEquals(BaseFingerprint.of(base, settings(root, 16)), BaseFingerprint.of(base, settings(root, 8)));
        Outcome rebuilt = start(base, settings(root, 8));
        assertTrue(rebuilt.state().contains(", built in"), rebuilt.state());
        assertAnswersLike(BaseVectorIndex.build(base, settings(null, 8), () -> false), rebuilt.graph());
    }

    @Test
    void aTruncatedGraphIsDeletedRebuiltAndKeptAgain() throws IOException {
        start(base, settings(root, 16));
        Path links = links(onlyGraph());
        try (RandomAccessFile file = new RandomAccessFile(links.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        Outcome rebuilt = start(base, settings(root, 16));
        assertTrue(rebuilt.state().contains(", built in"), rebuilt.state());
        assertAnswersLike(fresh, rebuilt.graph());
        Outcome loaded = start(base, settings(root, 16));
        assertTrue(loaded.state().contains(", loaded in"), "the rebuilt graph was kept again: " + loaded.state());
        assertAnswersLike(fresh, loaded.graph());
    }

    @Test
    void aGraphWithOneByteFlippedFailsItsChecksumAndIsRebuilt() throws IOException {
        start(base, settings(root, 16));
        Path links = links(onlyGraph());
        try (RandomAccessFile file = new RandomAccessFile(links.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int value = file.read();
            file.seek(middle);
            file.write(value ^ 0x10);
        }
        Outcome rebuilt = start(base, settings(root, 16));
        assertTrue(rebuilt.state().contains(", built in"), rebuilt.state());
        assertAnswersLike(fresh, rebuilt.graph());
    }

    @Test
    void aGraphFiledUnderAnotherBasesFingerprintIsNeverServed() throws IOException {
        TrackIndex smaller = FeatureIndex.of(1, catalog.subList(0, TRACKS - 1)).base;
        VectorIndexSettings settings = settings(root, 16);
        start(smaller, settings);
        Files.move(onlyGraph(), root.resolve(BaseFingerprint.of(base, settings).hex()));
        Outcome rebuilt = start(base, settings);
        assertTrue(rebuilt.state().contains(", built in"), rebuilt.state());
        assertEquals(TRACKS, rebuilt.graph().base().size());
        assertAnswersLike(fresh, rebuilt.graph());
    }

    @Test
    void onlyTheNewestTwoGraphsAreKeptAndNothingElseInTheDirectoryIsTouched() throws IOException {
        Path unrelated = Files.createDirectories(root.resolve("notes"));
        Path stale = Files.createDirectories(root.resolve("0123456789abcdef0123456789abcdef.tmp-42"));
        for (int size = TRACKS - 3; size <= TRACKS; size++) {
            start(FeatureIndex.of(1, catalog.subList(0, size)).base, settings(root, 16));
        }
        List<Path> graphs = graphs();
        assertEquals(3, graphs.size(), graphs.toString());
        assertTrue(graphs.contains(unrelated));
        assertTrue(!Files.exists(stale), "a save that died is removed");
        assertTrue(graphs.contains(root.resolve(BaseFingerprint.of(base, settings(root, 16)).hex())));
        assertTrue(graphs.contains(root.resolve(BaseFingerprint.of(FeatureIndex.of(1, catalog.subList(0, TRACKS - 1)).base,
                settings(root, 16)).hex())));
    }

    @Test
    void withoutADirectoryNothingIsWritten() throws IOException {
        Outcome built = start(base, settings(null, 16));
        assertTrue(built.state().contains(", built in"), built.state());
        assertEquals(List.of(), graphs());
    }

    @Test
    void graphsAreKeptUnderKarafsDataUnlessConfiguredElsewhereOrOff() {
        assertEquals(Path.of("/srv/karaf/data", "feature-graph"), VectorIndexSettings.graphDirectory(true, "", "/srv/karaf/data"));
        assertEquals(Path.of("/var/graphs"), VectorIndexSettings.graphDirectory(true, " /var/graphs ", "/srv/karaf/data"));
        assertEquals(Path.of("/var/graphs"), VectorIndexSettings.graphDirectory(true, "/var/graphs", null));
        assertNull(VectorIndexSettings.graphDirectory(true, "", null), "no karaf.data (a unit test): nothing kept");
        assertNull(VectorIndexSettings.graphDirectory(false, "/var/graphs", "/srv/karaf/data"));
    }

    @Test
    void theDefaultsAreTheConfigurationsDefaults() {
        FeatureKnnConfig defaults = (FeatureKnnConfig) Proxy.newProxyInstance(FeatureKnnConfig.class.getClassLoader(),
                new Class<?>[] {FeatureKnnConfig.class}, (proxy, method, args) -> method.getDefaultValue());
        String karafData = System.clearProperty("karaf.data");
        try {
            assertEquals(VectorIndexSettings.DEFAULTS, VectorIndexSettings.of(defaults));
        } finally {
            if (karafData != null) {
                System.setProperty("karaf.data", karafData);
            }
        }
    }

    @Test
    void aRequestAnswersFromALoadedGraph() {
        start(base, settings(root, 16));
        FeatureIndex index = FeatureIndex.of(1, catalog);
        AtomicReference<BaseVectorIndex> loaded = new AtomicReference<>();
        new VectorIndexBuilder(Runnable::run, settings(root, 16)).baseChanged(index.base, loaded::set);
        FeatureIndex withGraph = index.withBaseVectors(loaded.get());
        assertNotNull(withGraph.baseVectors, "the loaded graph is of this index's base");
        RecommendationRequest request = new RecommendationRequest(List.of("t000042"), List.of(), List.of(), Map.of(), null);
        assertEquals(NearestNeighbours.recommend(FeatureIndex.of(1, catalog).withBaseVectors(
                BaseVectorIndex.build(index.base, settings(null, 16), () -> false)), request, 10),
                NearestNeighbours.recommend(withGraph, request, 10));
    }
}
