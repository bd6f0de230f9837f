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

    /**
     * A track of an album: {@code artists} are the track's (external id {@code "artist-" + name});
     * {@code albumArtists} the album's own, or null to leave them to the catalog.
     */
    public static TrackImport onAlbum(String externalId, String album, String albumType, List<String> albumArtists, List<String> artists,
            String releaseDate, int trackNumber, int popularity, List<String> genres, AudioFeatures features) {
        return new TrackImport(externalId, externalId + " title", artists(artists),
                new AlbumImport("album-" + album, album, releaseDate, albumType, "Label " + album,
                        albumArtists == null ? null : artists(albumArtists)),
                genres, popularity, 180_000, false, trackNumber, 1, features);
    }

    private static List<ArtistImport> artists(List<String> names) {
        return names.stream().map(name -> new ArtistImport("artist-" + name, name)).toList();
    }
}
