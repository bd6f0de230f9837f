package org.audotics.catalog.internal.rest;

import java.io.InputStream;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidImportException;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/catalog/import} (admin): JSON lines of tracks, imported all-or-nothing and idempotently
 * by external id. Answers what was created and updated, with the catalog id of every track.
 */
@RestResource
@Component(service = CatalogImportResource.class)
@Path("catalog/import")
public final class CatalogImportResource {

    private final CatalogService catalog;

    @Activate
    public CatalogImportResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importTracks(InputStream body) {
        ImportBodyParser.ParsedBody parsed = ImportBodyParser.parse(body);
        try {
            return catalog.importTracks(parsed.tracks());
        } catch (InvalidImportException e) {
            int line = e.index() < parsed.lineNumbers().size() ? parsed.lineNumbers().get(e.index()) : parsed.lineNumbers().size();
            throw ApiException.invalidBody("line " + line + ": " + e.getMessage());
        }
    }
}
