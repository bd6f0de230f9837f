package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;

/** Random tracks with Spotify-like feature ranges, ids t0000000.. in id order, for the index benchmarks. */
final class SyntheticTracks {

    private SyntheticTracks() {
    }

    static Track track(Random random, int i) {
        var features = new AudioFeatures(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                random.nextInt(12), random.nextDouble(), -30 + 28 * random.nextDouble(), random.nextInt(2),
                random.nextDouble() * 0.5, 60 + 140 * random.nextDouble(), 4, random.nextDouble());
        return new Track(String.format("t%07d", i), "x" + i, "T", List.of(new ArtistRef("a" + i % 5000, "A")), null,
                List.of("g" + i % 20), random.nextInt(101), 180_000, false, 1, 1, features);
    }

    static List<Track> list(int count, long seed) {
        Random random = new Random(seed);
        List<Track> tracks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tracks.add(track(random, i));
        }
        return tracks;
    }
}
