package org.audotics.dsp.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.audio.AudioFileStore;
import org.audotics.dsp.internal.audio.TrackAudioFiles;
import org.audotics.http.api.ApiException;
import org.audotics.dsp.internal.jobs.AnalysisJob;
import org.audotics.dsp.internal.jobs.AnalysisQueue;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET} and {@code HEAD /v1/tracks/{id}/audio} (any signed-in caller): the track's audio file, uploaded or
 * found by a folder scan, with single byte ranges ({@link AudioStream}); 404 when the track has none.
 *
 * <p>{@code PUT /v1/tracks/{id}/audio} (admin): stores the body as the track's audio ({@link AudioFileStore}:
 * one file per track, replaced atomically, the old one kept when the upload is refused) and answers 202
 * with an analysis job. The format is recognised from the bytes, whatever the Content-Type says.
 */
@RestResource
@Component(service = AudioUploadResource.class)
@javax.ws.rs.Path("tracks/{id}/audio")
public final class AudioUploadResource {

    private final CatalogService catalog;
    private final AnalysisQueue queue;
    private final AudioFileStore files;
    private final TrackAudioFiles audio;

    @Activate
    public AudioUploadResource(@Reference CatalogService catalog, @Reference AnalysisQueue queue, @Reference AudioFileStore files,
            @Reference TrackAudioFiles audio) {
        this.catalog = catalog;
        this.queue = queue;
        this.files = files;
        this.audio = audio;
    }

    @GET
    public Response stream(@PathParam("id") String id, @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @Context Request request) throws IOException {
        return AudioStream.answer(fileOf(id), range, ifRange, request, true);
    }

    @HEAD
    public Response head(@PathParam("id") String id, @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @Context Request request) throws IOException {
        return AudioStream.answer(fileOf(id), range, ifRange, request, false);
    }

    private Path fileOf(String id) {
        KnownTrack.require(catalog, id);
        return audio.fileOf(id).orElseThrow(() -> ApiException.notFound("track '" + id + "' has no audio file: upload one or scan its folder"));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") String id, @HeaderParam("Content-Length") Long length, InputStream body,
            @Context UriInfo uri) throws IOException {
        KnownTrack.require(catalog, id);
        Path stored = files.store(id, body, length); // a refusal is answered by DspExceptionMappers
        AnalysisJob job = queue.submit(id, stored);
        JobObject answer = JobObject.of(job, uri.getBaseUri());
        return Response.accepted(answer).location(URI.create(answer.href())).build();
    }
}
