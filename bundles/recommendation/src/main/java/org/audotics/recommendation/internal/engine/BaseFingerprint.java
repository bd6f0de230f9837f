package org.audotics.recommendation.internal.engine;

import java.nio.charset.StandardCharsets;

/**
 * A 128-bit hash of exactly what a base's HNSW graph depends on: the graph format, M and beam width, the base's
 * size, and for every position in order the track id, its feature vector and its tunable attributes (the filters'
 * points). Two bases with the same fingerprint get the same graph, so a graph kept under it ({@link PersistedGraphs})
 * can answer for the other; one changed feature, one track more or the same tracks in another order change it.
 *
 * <p>Not a cryptographic hash: the inputs are the catalog's, not an adversary's, and a build of a million tracks is
 * minutes while this is one pass over the arrays (1.25 s at a million tracks on a loaded machine, GraphCandidatesBenchmark).
 * Two independent 64-bit lanes in the style
 * of MurmurHash3's x64 128-bit variant, each word mixed with a different constant and rotation.
 */
record BaseFingerprint(long high, long low) {

    /** Bumped whenever what is kept, or how it is laid out, changes: an older graph is then never loaded. */
    static final int FORMAT = 1;

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    static BaseFingerprint of(TrackIndex base, VectorIndexSettings settings) {
        Lanes lanes = new Lanes();
        lanes.add(FORMAT);
        lanes.add(settings.maxConnections());
        lanes.add(settings.beamWidth());
        lanes.add(base.size());
        lanes.add(TrackIndex.DIMENSIONS);
        lanes.add(TrackIndex.ATTRIBUTES);
        for (int i = 0; i < base.size(); i++) {
            byte[] id = base.tracks.get(i).track().id().getBytes(StandardCharsets.UTF_8);
            lanes.add(id.length);
            long word = 0;
            for (int b = 0; b < id.length; b++) {
                word = word << 8 | (id[b] & 0xff);
                if ((b & 7) == 7) {
                    lanes.add(word);
                    word = 0;
                }
            }
            lanes.add(word);
        }
        for (double value : base.vectors) {
            lanes.add(Double.doubleToLongBits(value));
        }
        for (double value : base.attributes) {
            lanes.add(Double.doubleToLongBits(value)); // NaN (unknown) has one bit pattern here: doubleToLongBits folds them
        }
        return lanes.finish();
    }

    /** @return 32 hex digits, the name of the graph's directory */
    String hex() {
        return String.format("%016x%016x", high, low);
    }

    private static final class Lanes {
        private long h1 = 0x9e3779b97f4a7c15L;
        private long h2 = 0xc2b2ae3d27d4eb4fL;
        private long words;

        void add(long word) {
            h1 ^= Long.rotateLeft(word * C1, 31) * C2;
            h1 = Long.rotateLeft(h1, 27) * 5 + 0x52dce729;
            h2 ^= Long.rotateLeft(word * C2, 33) * C1;
            h2 = Long.rotateLeft(h2, 31) * 5 + 0x38495ab5;
            words++;
        }

        BaseFingerprint finish() {
            h1 ^= words;
            h2 ^= words;
            h1 += h2;
            h2 += h1;
            h1 = mix(h1);
            h2 = mix(h2);
            h1 += h2;
            h2 += h1;
            return new BaseFingerprint(h1, h2);
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            return k ^ k >>> 33;
        }
    }
}
