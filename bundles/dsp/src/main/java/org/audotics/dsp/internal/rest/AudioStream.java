package org.audotics.dsp.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.audotics.dsp.internal.signal.AudioContainer;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorResponses;

/**
 * A track's audio file as an HTTP answer: the whole file (200) or one byte range (206 with {@code Content-Range}),
 * 416 with {@code Content-Range: bytes *}{@code /length} for a range past the end, {@code Accept-Ranges: bytes},
 * the Content-Type of the format found in the file's first bytes, and a validator pair (an ETag of size and
 * modification time, Last-Modified) so a client revalidates with 304 and a paused stream resumes with {@code If-Range}.
 */
final class AudioStream {

    /** Bytes copied per write of a streamed answer. */
    private static final int CHUNK = 1 << 16;

    private AudioStream() {
    }

    /** @return the Content-Type of the file's format ({@code application/octet-stream} when the bytes name none) */
    static String contentType(byte[] header, int length) {
        AudioContainer container = AudioContainer.detect(header, length);
        if (container == null) {
            return "application/octet-stream";
        }
        String ascii = new String(header, 0, Math.min(length, 12), java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (container) {
            case PCM_FILE -> ascii.startsWith("RIFF") ? "audio/wav" : ascii.startsWith("FORM") ? "audio/aiff" : "audio/basic";
            case FLAC -> "audio/flac";
            case MP3 -> "audio/mpeg";
            case OGG_VORBIS -> "audio/ogg";
        };
    }

    /**
     * @param withBody false for HEAD: the same headers, no bytes
     */
    static Response answer(Path file, String rangeHeader, String ifRange, Request request, boolean withBody) throws IOException {
        BasicFileAttributes attributes;
        byte[] header = new byte[AudioContainer.HEADER_BYTES];
        int headerLength;
        try (InputStream in = Files.newInputStream(file)) {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            headerLength = Math.max(0, in.readNBytes(header, 0, header.length));
        } catch (NoSuchFileException e) {
            return ErrorResponses.of(ApiException.notFound("this track has no audio file"));
        }
        long length = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        EntityTag tag = new EntityTag(Long.toHexString(length) + "-" + Long.toHexString(modified));
        Date lastModified = new Date(modified / 1000 * 1000); // HTTP dates have whole seconds
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, tag);
        if (unchanged != null) {
            return unchanged.tag(tag).header("Accept-Ranges", "bytes").build();
        }
        String type = contentType(header, headerLength);
        boolean rangeStillValid = ifRange == null || ifRange.strip().equals(tag.toString());
        ByteRange.Ask ask = rangeStillValid ? ByteRange.of(rangeHeader, length) : new ByteRange.Whole();
        Response.ResponseBuilder builder;
        long from;
        long count;
        if (ask instanceof ByteRange.Unsatisfiable) {
            return rangeNotSatisfiable(length);
        } else if (ask instanceof ByteRange.Part part) {
            from = part.range().start();
            count = part.range().length();
            builder = Response.status(206).header("Content-Range", part.range().contentRange(length));
        } else {
            from = 0;
            count = length;
            builder = Response.ok();
        }
        builder.type(type).tag(tag).lastModified(lastModified).header("Accept-Ranges", "bytes").header(HttpHeaders.CONTENT_LENGTH, count);
        if (withBody) {
            builder.entity((StreamingOutput) out -> copy(file, from, count, out));
        }
        return builder.build();
    }

    private static Response rangeNotSatisfiable(long length) {
        Response error = ErrorResponses.of(new ApiException(416, "range_not_satisfiable", "the range starts past the file's " + length + " bytes"));
        return Response.fromResponse(error).header("Content-Range", "bytes */" + length).header("Accept-Ranges", "bytes").build();
    }

    private static void copy(Path file, long from, long count, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[CHUNK];
            long left = count;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break; // the file shrank meanwhile: the answer ends short, as Content-Length will tell the client
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }
}
