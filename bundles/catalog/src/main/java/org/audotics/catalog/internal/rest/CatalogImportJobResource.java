package org.audotics.catalog.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.internal.imports.ImportJob;
import org.audotics.catalog.internal.imports.ImportJobs;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/catalog/imports} (admin): a streamed import of any length, JSON lines as for
 * {@code POST /v1/catalog/import}, plain or gzip ({@code Content-Encoding: gzip} or
 * {@code Content-Type: application/gzip}); stored on this node, answered 202 with the job once the whole body
 * is received. {@code GET /v1/catalog/imports/{id}} and {@code GET /v1/catalog/imports} show the jobs.
 */
@RestResource
@Component(service = CatalogImportJobResource.class)
@Path("catalog/imports")
@Produces(MediaType.APPLICATION_JSON)
public final class CatalogImportJobResource {

    private static final List<String> TYPES = List.of("application/x-ndjson", "application/jsonl", "application/json",
            "text/plain", "application/gzip", "application/x-gzip");

    private final ImportJobs jobs;

    @Activate
    public CatalogImportJobResource(@Reference ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** The body is read as a stream (never parsed by JAX-RS), so the parsed-body size limit does not apply. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context UriInfo uri) throws IOException {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/x-ndjson (JSON lines) or application/gzip");
        }
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (!encoding.equals("identity") && !encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding must be gzip or absent");
        }
        boolean gzip = !encoding.equals("identity") || type.endsWith("gzip");
        // a declared length over the maximum is refused before the body is read (and, with Expect: 100-continue, sent)
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > jobs.maxBytes()) {
            throw new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, "an import body holds at most " + jobs.maxBytes() + " bytes as sent");
        }
        ImportJob job = jobs.submit(body, gzip);
        URI location = uri.getBaseUriBuilder().path("catalog/imports").path(job.id()).build();
        return Response.accepted(ImportJobObject.of(job, uri.getBaseUri())).location(location).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public ImportJobObject job(@PathParam("id") String id, @Context UriInfo uri) {
        return jobs.job(id).map(job -> ImportJobObject.of(job, uri.getBaseUri()))
                .orElseThrow(() -> ApiException.notFound("no import job " + id));
    }

    /** Newest first, each without its rejections (see the job itself). */
    @GET
    @RolesAllowed(Roles.ADMIN)
    public PagingObject<ImportJobObject> jobs(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(offset, limit);
        int total = jobs.count();
        List<ImportJob> items = jobs.recent(page.offset(), page.limit());
        return PagingObject.of(new Page<>(items, page.offset(), total), job -> ImportJobObject.of(job, uri.getBaseUri()),
                page.limit(), uri.getRequestUri());
    }

    /** The job as answered; {@code lines_read} counts lines whose batch is committed. */
    public record ImportJobObject(String id, String href, String state, boolean gzip, long bytes,
            @JsonProperty("lines_read") long linesRead, long created, long updated, long rejected, String error,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
            List<RejectionObject> rejections) {

        static ImportJobObject of(ImportJob job, URI base) {
            return new ImportJobObject(job.id(), base.resolve("catalog/imports/" + job.id()).toString(), job.state().code(),
                    job.gzip(), job.bytes(), job.committedLine(), job.created(), job.updated(), job.rejected(), job.error(),
                    job.createdAt().toString(), job.updatedAt().toString(),
                    job.rejections().stream().map(r -> new RejectionObject(r.line(), r.field(), r.reason())).toList());
        }
    }

    public record RejectionObject(long line, String field, String reason) {
    }
}
