package org.audotics.catalog.api;

import static org.audotics.catalog.api.FieldChecks.required;

import java.util.Locale;

/**
 * An artist named by an imported track.
 *
 * @param externalId the artist's id in the source; when null or blank the artist is identified by its
 *                   name, case-insensitively ({@code "name:<lower-case name>"})
 * @param name       display name, required, at most 500 characters
 */
public record ArtistImport(String externalId, String name) {

    public ArtistImport {
        name = required("name", name, 500);
        externalId = externalId == null || externalId.isBlank()
                ? "name:" + name.toLowerCase(Locale.ROOT)
                : required("external_id", externalId, 200);
    }
}
