package org.audotics.dsp.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.audio.AudioFileStore;
import org.audotics.dsp.internal.audio.AudioLinks;
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
 *
 * <p>{@code GET /v1/tracks/{id}/audio/link} (any signed-in caller): a signed link to the audio that needs no token
 * ({@link AudioLinks}), for a browser's {@code <audio src>}. The stream itself is {@code @PermitAll} so that such a
 * link reaches it; without a caller it checks the link's {@code expires} and {@code signature} itself (401 without
 * them, 403 {@code forbidden} for an expired link or one made for another track).
 */
@RestResource
@Component(service = AudioUploadResource.class)
@javax.ws.rs.Path("tracks/{id}/audio")
public final class AudioUploadResource {

    private final CatalogService catalog;
    private final AnalysisQueue queue;
    private final AudioFileStore files;
    private final TrackAudioFiles audio;
    private final AudioLinks links;

    @Activate
    public AudioUploadResource(@Reference CatalogService catalog, @Reference AnalysisQueue queue, @Reference AudioFileStore files,
            @Reference TrackAudioFiles audio, @Reference AudioLinks links) {
        this.catalog = catalog;
        this.queue = queue;
        this.files = files;
        this.audio = audio;
        this.links = links;
    }

    @GET
    @PermitAll
    public Response stream(@PathParam("id") String id, @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @QueryParam("expires") String expires, @QueryParam("signature") String signature, @Context SecurityContext caller,
            @Context Request request) throws IOException {
        allowed(id, expires, signature, caller);
        return AudioStream.answer(fileOf(id), range, ifRange, request, true);
    }

    @HEAD
    @PermitAll
    public Response head(@PathParam("id") String id, @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @QueryParam("expires") String expires, @QueryParam("signature") String signature, @Context SecurityContext caller,
            @Context Request request) throws IOException {
        allowed(id, expires, signature, caller);
        return AudioStream.answer(fileOf(id), range, ifRange, request, false);
    }

    /** A signed-in caller, or a valid link to this track. */
    private void allowed(String id, String expires, String signature, SecurityContext caller) {
        if (caller.getUserPrincipal() != null) {
            return;
        }
        if (expires == null && signature == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        if (!links.valid(id, expires, signature, System.currentTimeMillis())) {
            throw new ApiException(403, "forbidden", "the audio link has expired or is not one for this track: ask GET /v1/tracks/" + id
                    + "/audio/link for a new one");
        }
    }

    @GET
    @javax.ws.rs.Path("link")
    @Produces(MediaType.APPLICATION_JSON)
    public AudioLinkObject link(@PathParam("id") String id, @Context UriInfo uri) {
        fileOf(id);
        AudioLinks.Signed signed = links.sign(id, System.currentTimeMillis());
        URI url = uri.getBaseUriBuilder().path("tracks").path(id).path("audio").queryParam("expires", signed.expires())
                .queryParam("signature", signed.signature()).build();
        return new AudioLinkObject(url.toString(), Instant.ofEpochSecond(signed.expires()).toString());
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
