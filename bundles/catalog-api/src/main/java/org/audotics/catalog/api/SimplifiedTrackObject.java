package org.audotics.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A track without its album, in Spotify's shape: the items of an album's track list. Differences from
 * Spotify as in {@link TrackObject}.
 *
 * @since 1.3
 */
public record SimplifiedTrackObject(
        List<TrackObject.SimplifiedArtist> artists,
        List<String> availableMarkets,
        int discNumber,
        int durationMs,
        boolean explicit,
        Map<String, String> externalUrls,
        String href,
        String id,
        boolean isLocal,
        boolean isPlayable,
        String name,
        String previewUrl,
        int trackNumber,
        String type,
        String uri) {

    /** @param apiBase the API's base URI ending in {@code /v1/}, for the {@code href} links */
    public static SimplifiedTrackObject of(Track track, URI apiBase) {
        return new SimplifiedTrackObject(
                track.artists().stream().map(artist -> TrackObject.SimplifiedArtist.of(artist, apiBase)).toList(),
                List.of(), track.discNumber(), track.durationMs(), track.explicit(), Map.of(),
                apiBase.resolve("tracks/" + track.id()).toString(), track.id(), false, true, track.name(), null,
                track.trackNumber(), "track", "audotics:track:" + track.id());
    }
}
