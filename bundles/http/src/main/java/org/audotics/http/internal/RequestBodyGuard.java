package org.audotics.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;

/**
 * Marks a failure to read the request body as the client's: a body that ends before its
 * {@code Content-Length}, a malformed chunk size or a truncated chunk makes Jetty's input stream throw
 * (an {@code EofException}, or an {@code IOException} around a {@code BadMessageException}), wherever the
 * body is read: by Jackson, or by a resource that takes the {@link InputStream}. Wrapped here as an
 * {@link UnreadableBodyException}, which {@link UnreadableBodyMapper} answers 400 for every endpoint (also
 * when Jersey wraps it in a {@code ProcessingException}, see {@link ProcessingExceptionMapper}).
 *
 * <p>Only reads of the request body are marked: an {@code EofException} while writing the answer means the
 * client left, and is not a bad request.
 *
 * <p>JSON and form bodies are also bounded, at {@value #MAX_SMALL_BODY_BYTES} bytes: they are parsed into
 * memory whole, and no request of this API needs more (uploads and imports are other media types with their
 * own limits). A larger declared {@code Content-Length} is refused before anything is read; a chunked body
 * when it passes the bound. Both are 413.
 */
@PreMatching
final class RequestBodyGuard implements ContainerRequestFilter {

    /** Bytes a JSON or form body may have. */
    static final long MAX_SMALL_BODY_BYTES = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = parsedWhole(request.getMediaType()) ? MAX_SMALL_BODY_BYTES : Long.MAX_VALUE;
        if (request.getLength() > limit) {
            throw tooLarge();
        }
        // not request.hasEntity(): it reads the first byte, which fails for a badly chunked body
        request.setEntityStream(new GuardedBody(request.getEntityStream(), limit));
    }

    private static boolean parsedWhole(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type));
    }

    static ApiException tooLarge() {
        return new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE,
                "a JSON or form body may have at most " + MAX_SMALL_BODY_BYTES + " bytes");
    }

    /** Thrown instead of any I/O failure of the client's body. */
    static class UnreadableBodyException extends IOException {

        private static final long serialVersionUID = 1L;

        UnreadableBodyException(IOException cause) {
            super("the request body could not be read: " + cause, cause);
        }

        private UnreadableBodyException(String message) {
            super(message);
        }
    }

    /** A JSON or form body that went past {@link #MAX_SMALL_BODY_BYTES} while it was read. */
    static final class BodyTooLargeException extends UnreadableBodyException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("the request body is larger than " + MAX_SMALL_BODY_BYTES + " bytes");
        }
    }

    private static final class GuardedBody extends FilterInputStream {

        private final long limit;
        private long read;

        GuardedBody(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        private int counted(int bytes) throws IOException {
            if (bytes > 0 && (read += bytes) > limit) {
                throw new BodyTooLargeException();
            }
            return bytes;
        }

        @Override
        public int read() throws IOException {
            try {
                int value = super.read();
                counted(value < 0 ? 0 : 1);
                return value;
            } catch (IOException e) {
                throw marked(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return counted(super.read(buffer, offset, length));
            } catch (IOException e) {
                throw marked(e);
            }
        }

        @Override
        public long skip(long count) throws IOException {
            try {
                long skipped = super.skip(count);
                counted((int) Math.min(skipped, Integer.MAX_VALUE));
                return skipped;
            } catch (IOException e) {
                throw marked(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException e) {
                throw marked(e);
            }
        }

        private static IOException marked(IOException e) {
            return e instanceof UnreadableBodyException ? e : new UnreadableBodyException(e);
        }
    }
}
