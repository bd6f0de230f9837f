package org.audotics.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;

/**
 * The folder where import bodies wait for their job, one file per job named by its id ({@code <id>.part}
 * while it is received), written as sent
 * (compressed when gzip) in a fixed-size buffer. Thread-safe.
 */
final class ImportSpool {

    private static final int BUFFER = 65_536;
    /** A body still being received; renamed to the job id once complete. */
    static final String PART = ".part";

    private final Path folder;
    private final long maxBytes;

    ImportSpool(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    Path file(String jobId) {
        return folder.resolve(jobId);
    }

    long maxBytes() {
        return maxBytes;
    }

    Path folder() {
        return folder;
    }

    /**
     * Copies a body to the job's file, nothing kept when it fails.
     *
     * @return the bytes stored
     * @throws ApiException 413 over the maximum, 400 when {@code gzip} and the body does not start as gzip
     *                      data or is empty, 503 when the file cannot be written (disk full)
     * @throws IOException  when the client's body cannot be read (the HTTP layer answers 400)
     */
    long store(String jobId, InputStream body, boolean gzip) throws IOException {
        Path file = folder.resolve(jobId + PART);
        boolean kept = false;
        try {
            OutputStream out = open(file);
            long total;
            try (out) {
                byte[] buffer = new byte[BUFFER];
                int read = body.readNBytes(buffer, 0, 2);
                if (gzip && read > 0 && (read < 2 || (buffer[0] & 0xFF) != 0x1f || (buffer[1] & 0xFF) != 0x8b)) {
                    throw ApiException.invalidBody("the body is declared gzip but is not gzip data");
                }
                total = 0;
                while (read > 0) {
                    total += read;
                    if (total > maxBytes) {
                        throw new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE,
                                "an import body holds at most " + maxBytes + " bytes as sent");
                    }
                    write(out, buffer, read);
                    read = body.read(buffer);
                }
            } catch (DiskException e) {
                throw e.answer();
            }
            if (total == 0) {
                throw ApiException.invalidBody("the body holds no tracks: send one JSON object per line");
            }
            try {
                Files.move(file, file(jobId), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new DiskException(e).answer();
            }
            kept = true;
            return total;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    private OutputStream open(Path file) {
        try {
            Files.createDirectories(folder);
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DiskException(e).answer();
        }
    }

    private static void write(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new DiskException(e);
        }
    }

    /** The spool, not the client, failed: answered 503 (disk full, folder not writable). */
    private static final class DiskException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DiskException(IOException cause) {
            super(cause);
        }

        ApiException answer() {
            return ApiException.unavailable("the import cannot be stored on the server now (" + getCause().getMessage()
                    + "); try again later");
        }
    }
}
