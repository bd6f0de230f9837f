package org.audotics.catalog.api;

import static org.audotics.catalog.api.FieldChecks.required;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The album of an imported track.
 *
 * @param externalId  the album's id in the source; when null or blank the album is identified by its
 *                    name, case-insensitively
 * @param name        display name, required, at most 500 characters
 * @param releaseDate {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, or null
 */
public record AlbumImport(String externalId, String name, String releaseDate) {

    private static final Pattern RELEASE_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    public AlbumImport {
        name = required("name", name, 500);
        externalId = externalId == null || externalId.isBlank()
                ? "name:" + name.toLowerCase(Locale.ROOT)
                : required("external_id", externalId, 200);
        if (releaseDate != null && !RELEASE_DATE.matcher(releaseDate).matches()) {
            throw new InvalidFieldException("release_date", "must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
    }
}
