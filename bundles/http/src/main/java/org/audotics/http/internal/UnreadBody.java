package org.audotics.http.internal;

import java.io.IOException;
import java.io.InputStream;
import javax.servlet.http.HttpServletRequest;

/**
 * Reads and drops what is left of a request body once the answer is written. A request refused before
 * its body is read (401 from the authentication filter, 404, 413, 415...) would otherwise leave Jetty to
 * close the connection while the client is still sending, and most clients then report a broken
 * connection instead of the answer. Bounded: past {@value #LIMIT_BYTES} bytes the connection is closed
 * after the answer as before.
 */
final class UnreadBody {

    static final long LIMIT_BYTES = 64L * 1024 * 1024;

    private UnreadBody() {
    }

    static void drain(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0) {
            return;
        }
        try {
            InputStream body = request.getInputStream();
            byte[] sink = new byte[1 << 16];
            long drained = 0;
            int read;
            while (drained < LIMIT_BYTES && (read = body.read(sink)) > 0) {
                drained += read;
            }
        } catch (IOException | IllegalStateException clientGoneOrReaderUsed) {
            // nothing left to do for this request
        }
    }
}
