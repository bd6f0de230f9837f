package org.audotics.catalog.internal.store;

import java.util.List;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.TrackImport;

/** Import lines for tests. */
public final class TestTracks {

    private TestTracks() {
    }

    public static AudioFeatures features(double energy, double tempo) {
        return new AudioFeatures(0.2, 0.6, energy, 0.0, 5, 0.1, -6.0, 1, 0.05, tempo, 4, 0.5);
    }

    public static TrackImport track(String externalId, String name, String artist, String genre, AudioFeatures features) {
        return new TrackImport(externalId, name, List.of(new ArtistImport("artist-" + artist, artist)),
                new AlbumImport("album-" + artist, artist + " album", "2020-01-01"), List.of(genre), 50, 180_000,
                false, 1, 1, features);
    }
}
