package org.audotics.catalog.api;

import static org.audotics.catalog.api.FieldChecks.required;

import java.util.List;
import java.util.Locale;

/**
 * An artist named by an imported track.
 *
 * @param externalId the artist's id in the source; when null or blank the artist is identified by its
 *                   name, case-insensitively ({@code "name:<lower-case name>"})
 * @param name       display name, required, at most 500 characters
 * @param images     the artist's images as the source lists them, at most {@value Image#MAX_IMAGES}, kept as
 *                   references; null means "not given": an existing artist keeps its images, while an empty list
 *                   removes them (since 1.5)
 */
public record ArtistImport(String externalId, String name, List<Image> images) {

    public ArtistImport {
        name = required("name", name, 500);
        externalId = externalId == null || externalId.isBlank()
                ? "name:" + name.toLowerCase(Locale.ROOT)
                : required("external_id", externalId, 200);
        images = Image.checkList(images);
    }

    /** An artist whose images are not given (the canonical constructor before 1.5). */
    public ArtistImport(String externalId, String name) {
        this(externalId, name, null);
    }
}
