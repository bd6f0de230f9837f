package org.audotics.dsp.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.jobs.AnalysisJob;
import org.audotics.dsp.internal.jobs.AnalysisService;
import org.audotics.dsp.internal.signal.AudioContainer;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT /v1/tracks/{id}/audio} (admin): stores the body as the track's audio and answers 202 with an
 * analysis job. The format is recognised from the bytes, whatever the Content-Type says; a refused upload
 * leaves nothing behind (it is written to a temporary file and moved into place only when accepted).
 */
@RestResource
@Component(service = AudioUploadResource.class)
@Path("tracks/{id}/audio")
public final class AudioUploadResource {

    private final CatalogService catalog;
    private final AnalysisService analysis;

    @Activate
    public AudioUploadResource(@Reference CatalogService catalog, @Reference AnalysisService analysis) {
        this.catalog = catalog;
        this.analysis = analysis;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") String id, @HeaderParam("Content-Length") Long length, InputStream body,
            @Context UriInfo uri) throws IOException {
        KnownTrack.require(catalog, id);
        if (length != null && length > analysis.maxUploadBytes()) {
            throw tooLarge();
        }
        Files.createDirectories(analysis.audioFolder());
        java.nio.file.Path temporary = analysis.audioFolder().resolve(".upload-" + UUID.randomUUID());
        try {
            long size = copyLimited(body, temporary, analysis.maxUploadBytes());
            if (size == 0) {
                throw ApiException.invalidBody("the body is empty: send the audio file");
            }
            AudioContainer format = sniff(temporary);
            java.nio.file.Path stored = analysis.audioFolder().resolve(id + "." + format.extension());
            Files.move(temporary, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            AnalysisJob job = analysis.submit(id, stored);
            JobObject answer = JobObject.of(job, uri.getBaseUri());
            return Response.accepted(answer).location(java.net.URI.create(answer.href())).build();
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static long copyLimited(InputStream body, java.nio.file.Path target, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = body.read(buffer)) > 0) {
                total += read;
                if (total > limit) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    private static AudioContainer sniff(java.nio.file.Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(AudioContainer.HEADER_BYTES);
        }
        AudioContainer format = AudioContainer.detect(header, header.length);
        if (format == null) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "the body is not WAV, AIFF, FLAC, MP3 or Ogg Vorbis audio");
        }
        return format;
    }

    /** Removes the temporary file; after an accepted upload it has been moved away already. */
    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, "the audio is larger than the configured limit (max.upload.mb)");
    }
}
