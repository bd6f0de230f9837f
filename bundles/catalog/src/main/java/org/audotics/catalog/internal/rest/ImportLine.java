package org.audotics.catalog.internal.rest;

import java.util.ArrayList;
import java.util.List;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.InvalidFieldException;
import org.audotics.catalog.api.TrackImport;
import org.audotics.http.api.TextRule;

/**
 * One line of {@code POST /v1/catalog/import} as sent (snake_case JSON). Fields are boxed so a missing
 * value can be told from a zero; {@link #toTrackImport()} applies defaults and the catalog's validation.
 * The format is documented in docs/api.md.
 */
record ImportLine(String externalId, String name, List<ArtistLine> artists, AlbumLine album, List<String> genres,
        Integer popularity, Integer durationMs, Boolean explicit, Integer trackNumber, Integer discNumber,
        FeaturesLine audioFeatures) {

    record ArtistLine(String externalId, String name, List<ImageLine> images) {
    }

    record AlbumLine(String externalId, String name, String releaseDate, String albumType, String label, List<ArtistLine> artists,
            List<ImageLine> images) {
    }

    /** Spotify's image object; a reference kept as given, never fetched. */
    record ImageLine(String url, Integer height, Integer width) {
    }

    record FeaturesLine(Double acousticness, Double danceability, Double energy, Double instrumentalness,
            Integer key, Double liveness, Double loudness, Integer mode, Double speechiness, Double tempo,
            Integer timeSignature, Double valence) {

        AudioFeatures toFeatures() {
            return new AudioFeatures(required("acousticness", acousticness), required("danceability", danceability),
                    required("energy", energy), required("instrumentalness", instrumentalness), required("key", key),
                    required("liveness", liveness), required("loudness", loudness), required("mode", mode),
                    required("speechiness", speechiness), required("tempo", tempo),
                    required("time_signature", timeSignature), required("valence", valence));
        }
    }

    /** @throws InvalidFieldException naming the field in the line's JSON shape */
    TrackImport toTrackImport() {
        List<ArtistImport> artistImports = artists(artists);
        AlbumImport albumImport = null;
        if (album != null) {
            try {
                albumImport = new AlbumImport(text("external_id", album.externalId()), text("name", album.name()),
                        text("release_date", album.releaseDate()), text("album_type", album.albumType()),
                        text("label", album.label()), album.artists() == null ? null : artists(album.artists()),
                        images(album.images()));
            } catch (InvalidFieldException e) {
                throw e.within("album");
            }
        }
        AudioFeatures features = null;
        if (audioFeatures != null) {
            try {
                features = audioFeatures.toFeatures();
            } catch (InvalidFieldException e) {
                throw e.within("audio_features");
            }
        }
        if (genres != null) {
            for (int i = 0; i < genres.size(); i++) {
                text("genres[" + i + "]", genres.get(i));
            }
        }
        return new TrackImport(text("external_id", externalId), text("name", name), artistImports, albumImport, genres,
                popularity == null ? 0 : popularity, required("duration_ms", durationMs),
                explicit != null && explicit, trackNumber == null ? 0 : trackNumber,
                discNumber == null ? 0 : discNumber, features);
    }

    private static List<ArtistImport> artists(List<ArtistLine> lines) {
        List<ArtistImport> artistImports = new ArrayList<>();
        if (lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                ArtistLine artist = lines.get(i);
                if (artist == null) {
                    throw new InvalidFieldException("artists[" + i + "]", "must be an object");
                }
                try {
                    artistImports.add(new ArtistImport(text("external_id", artist.externalId()), text("name", artist.name()),
                            images(artist.images())));
                } catch (InvalidFieldException e) {
                    throw e.within("artists[" + i + "]");
                }
            }
        }
        return artistImports;
    }

    /** Absent stays null (an existing album or artist keeps its images); a list replaces them. */
    private static List<Image> images(List<ImageLine> lines) {
        if (lines == null) {
            return null;
        }
        if (lines.size() > Image.MAX_IMAGES) {
            throw new InvalidFieldException("images", "must list at most " + Image.MAX_IMAGES + " images");
        }
        List<Image> images = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ImageLine line = lines.get(i);
            String field = "images[" + i + "]";
            if (line == null) {
                throw new InvalidFieldException(field, "must be an object with url, height and width");
            }
            try {
                String url = text("url", line.url());
                if (url != null && !Image.isAbsoluteWebUrl(url.strip())) {
                    // stored images are the server's to list: an import names images elsewhere
                    throw new InvalidFieldException("url", "must be an absolute http or https URL");
                }
                images.add(new Image(url, line.height(), line.width()));
            } catch (InvalidFieldException e) {
                throw e.within(field);
            }
        }
        return images;
    }

    /** The server's one rule for text ({@link TextRule}), applied to every string of the line. */
    private static String text(String field, String value) {
        TextRule.problem(value).ifPresent(problem -> {
            throw new InvalidFieldException(field, problem);
        });
        return value;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }
}
