package org.audotics.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

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
 */
@PreMatching
final class RequestBodyGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        // not request.hasEntity(): it reads the first byte, which fails for a badly chunked body
        request.setEntityStream(new GuardedBody(request.getEntityStream()));
    }

    /** Thrown instead of any I/O failure of the client's body. */
    static class UnreadableBodyException extends IOException {

        private static final long serialVersionUID = 1L;

        UnreadableBodyException(IOException cause) {
            super("the request body could not be read: " + cause, cause);
        }

        UnreadableBodyException(String message) {
            super(message);
        }
    }

    private static final class GuardedBody extends FilterInputStream {

        GuardedBody(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw marked(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw marked(e);
            }
        }

        @Override
        public long skip(long count) throws IOException {
            try {
                return super.skip(count);
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
