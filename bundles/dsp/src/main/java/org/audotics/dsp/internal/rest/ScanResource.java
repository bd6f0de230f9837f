package org.audotics.dsp.internal.rest;

import java.net.URI;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.dsp.internal.scan.FolderScanner;
import org.audotics.dsp.internal.scan.ScanJob;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/scans} (admin, body {@code {"folder": "/srv/music"}}): scans a folder of the server for
 * audio files, imports them as tracks and analyses them; answers 202 with the scan and its
 * {@code Location}. Only folders inside the library roots ({@code library.roots}) can be scanned; any
 * other path, whether or not it exists, gets the same 422 {@code folder_not_scannable}. {@code GET /v1/scans/{id}} (admin): its progress and the state of its analyses.
 */
@RestResource
@Component(service = ScanResource.class)
@Path("scans")
@Produces(MediaType.APPLICATION_JSON)
public final class ScanResource {

    /** The request body. */
    public record ScanRequest(String folder) {
    }

    private final FolderScanner scanner;

    @Activate
    public ScanResource(@Reference FolderScanner scanner) {
        this.scanner = scanner;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(ScanRequest request, @Context UriInfo uri) {
        if (request == null || request.folder() == null || request.folder().isBlank()) {
            throw ApiException.invalidBody("send {\"folder\": \"<absolute path of a folder inside a library root>\"}");
        }
        String folder = request.folder().strip();
        if (folder.indexOf('\0') >= 0 || !folder.startsWith("/")) {
            throw ApiException.invalidBody("folder must be an absolute path on the server, got '" + request.folder() + "'");
        }
        ScanJob scan = scanner.start(folder); // a refused folder is answered by DspExceptionMappers
        Map<String, Object> answer = ScanObject.of(scanner.progress(scan.id()).orElseThrow(), uri.getBaseUri());
        return Response.accepted(answer).location(URI.create((String) answer.get("href"))).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> scan(@PathParam("id") String id, @Context UriInfo uri) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw ApiException.invalidParameter("'" + id + "' is not a scan id");
        }
        return ScanObject.of(scanner.progress(id).orElseThrow(() -> ApiException.notFound("no scan has id '" + id + "'")), uri.getBaseUri());
    }
}
