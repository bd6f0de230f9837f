package org.audotics.catalog.api;

import static org.audotics.catalog.api.FieldChecks.required;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The album of an imported track.
 *
 * @param externalId  the album's id in the source; when null or blank the album is identified by its
 *                    name, case-insensitively
 * @param name        display name, required, at most 500 characters
 * @param releaseDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, or null
 * @param albumType   one of {@link Album#TYPES}; null means {@link Album#TYPE_ALBUM} (since 1.3)
 * @param label       the record label, at most 500 characters, or null (since 1.3)
 * @param artists     the album's own artists in credit order, at most 50; null or empty means "the
 *                    artists of the track that names the album" (since 1.3)
 * @param images      the album's images as the source lists them (Spotify: largest first), at most
 *                    {@value Image#MAX_IMAGES}, kept as references; null means "not given": an existing album keeps
 *                    the images it has, while an empty list removes them (since 1.5)
 */
public record AlbumImport(String externalId, String name, String releaseDate, String albumType, String label,
        List<ArtistImport> artists, List<Image> images) {

    private static final Pattern RELEASE_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    public AlbumImport {
        name = required("name", name, 500);
        externalId = externalId == null || externalId.isBlank()
                ? "name:" + name.toLowerCase(Locale.ROOT)
                : required("external_id", externalId, 200);
        if (releaseDate != null && !RELEASE_DATE.matcher(releaseDate).matches()) {
            throw new InvalidFieldException("release_date", "must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
        albumType = albumType == null ? Album.TYPE_ALBUM : Album.checkType(albumType);
        label = label == null || label.isBlank() ? null : required("label", label, 500);
        artists = artists == null ? List.of() : List.copyOf(artists);
        if (artists.size() > 50) {
            throw new InvalidFieldException("artists", "must name at most 50 artists");
        }
        images = Image.checkList(images);
    }

    /** An album whose images are not given (since 1.3; the canonical constructor before 1.5). */
    public AlbumImport(String externalId, String name, String releaseDate, String albumType, String label,
            List<ArtistImport> artists) {
        this(externalId, name, releaseDate, albumType, label, artists, null);
    }

    /** An album of type {@code album}, without label, whose artists are the track's. */
    public AlbumImport(String externalId, String name, String releaseDate) {
        this(externalId, name, releaseDate, null, null, null, null);
    }
}
