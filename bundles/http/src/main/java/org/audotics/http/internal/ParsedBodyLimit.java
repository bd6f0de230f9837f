package org.audotics.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;

/**
 * Bounds every request body that is parsed whole into memory — a JSON object, a form, a string — at
 * {@value #MAX_BYTES} bytes (413), which no request of this API needs; unbounded, one large body could
 * exhaust the heap. Bodies a resource reads as a stream (audio uploads, import lines) are not bounded
 * here: those resources have their own limits ({@code max.upload.mb}, lines per import). A declared
 * {@code Content-Length} over the bound is refused before anything is read; a chunked body when it passes it.
 */
final class ParsedBodyLimit implements ReaderInterceptor {

    static final long MAX_BYTES = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() != InputStream.class) {
            String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > MAX_BYTES) {
                throw tooLarge();
            }
            context.setInputStream(new BoundedBody(context.getInputStream()));
        }
        return context.proceed();
    }

    static ApiException tooLarge() {
        return new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE,
                "a JSON, form or text body may have at most " + MAX_BYTES + " bytes");
    }

    /** Passed the bound while being read; an {@link RequestBodyGuard.UnreadableBodyException}, so both of its mappers see it. */
    static final class BodyTooLargeException extends RequestBodyGuard.UnreadableBodyException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("the request body is larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class BoundedBody extends FilterInputStream {

        private long read;

        BoundedBody(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int bytes = super.read(buffer, offset, length);
            if (bytes > 0) {
                count(bytes);
            }
            return bytes;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(count);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws IOException {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new BodyTooLargeException();
            }
        }
    }
}
