package org.audotics.catalog.api;

import static org.audotics.catalog.api.FieldChecks.between;
import static org.audotics.catalog.api.FieldChecks.required;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One track of an import batch. Validated here, so a batch that reaches the catalog is well-formed.
 *
 * @param externalId    the track's id in the source, required, at most 200 characters; importing the same
 *                      id again updates the track instead of adding one
 * @param name          title, required, at most 500 characters
 * @param artists       1..50 artists in credit order
 * @param album         the album, or null
 * @param genres        at most 20 genre names; stored lower-case, trimmed, without duplicates
 * @param popularity    0..100
 * @param durationMs    1 .. 86 400 000 (one day)
 * @param explicit      whether the lyrics are explicit
 * @param trackNumber   0 (unknown) .. 10 000
 * @param discNumber    0 (unknown) .. 1 000
 * @param audioFeatures features known from the source, or null (they can be computed later)
 */
public record TrackImport(
        String externalId,
        String name,
        List<ArtistImport> artists,
        AlbumImport album,
        List<String> genres,
        int popularity,
        int durationMs,
        boolean explicit,
        int trackNumber,
        int discNumber,
        AudioFeatures audioFeatures) {

    public TrackImport {
        externalId = required("external_id", externalId, 200);
        name = required("name", name, 500);
        if (artists == null || artists.isEmpty()) {
            throw new InvalidFieldException("artists", "must name at least one artist");
        }
        if (artists.size() > 50) {
            throw new InvalidFieldException("artists", "must name at most 50 artists");
        }
        artists = List.copyOf(artists);
        genres = normalise(genres);
        between("popularity", popularity, 0, 100);
        between("duration_ms", durationMs, 1, 86_400_000);
        between("track_number", trackNumber, 0, 10_000);
        between("disc_number", discNumber, 0, 1_000);
    }

    private static List<String> normalise(List<String> genres) {
        if (genres == null) {
            return List.of();
        }
        var unique = new LinkedHashSet<String>();
        for (String genre : genres) {
            unique.add(required("genres", genre, 100).toLowerCase(Locale.ROOT));
        }
        if (unique.size() > 20) {
            throw new InvalidFieldException("genres", "must list at most 20 genres");
        }
        return List.copyOf(unique);
    }
}
