package org.audotics.dsp.internal.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.audotics.dsp.internal.jobs.DspConfig;
import org.audotics.dsp.internal.signal.AudioContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploaded audio of tracks, one file per track in {@code audio.folder}: {@code <track id>.audio},
 * whatever its format (recognised from its bytes, by the upload and by the analysis alike). An upload is
 * written to a temporary file in the same folder and, once accepted, renamed over the track's file in one
 * atomic step: at every moment the track has exactly one file, the old or the new, and a refused or
 * broken upload leaves the old one as it was. Files that earlier versions kept under the format's
 * extension ({@code <track id>.mp3}, {@code .flac}, ...) are removed after the new file is in place.
 * Thread-safe: concurrent uploads for one track each replace the file whole; the last rename wins.
 */
@Component(service = AudioFileStore.class, configurationPid = DspConfig.PID)
public final class AudioFileStore {

    private static final Logger LOG = LoggerFactory.getLogger(AudioFileStore.class);
    private static final String SUFFIX = ".audio";
    private static final String TEMPORARY_PREFIX = ".upload-";

    private final Path folder;
    private final long maxBytes;

    @Activate
    public AudioFileStore(DspConfig config) {
        this(config.audio_folder().isBlank() ? Path.of(System.getProperty("karaf.data", "data")).resolve("audotics").resolve("audio")
                : Path.of(config.audio_folder().strip()), Math.max(1, config.max_upload_mb()) * 1024L * 1024L);
    }

    AudioFileStore(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** The largest upload accepted, bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores {@code body} as the audio of {@code trackId}, replacing what it had.
     *
     * @param declaredLength the Content-Length, or null: a declared length over the limit is refused before reading
     * @return the track's audio file
     * @throws AudioUploadException when the body is too large, empty or not audio (the old file stays)
     * @throws IOException          when the body cannot be read or the file not written (the old file stays)
     */
    public Path store(String trackId, InputStream body, Long declaredLength) throws IOException {
        if (declaredLength != null && declaredLength > maxBytes) {
            throw tooLarge();
        }
        Files.createDirectories(folder);
        Path temporary = folder.resolve(TEMPORARY_PREFIX + UUID.randomUUID());
        try {
            long size = copyLimited(body, temporary);
            if (size == 0) {
                throw new AudioUploadException(AudioUploadException.Reason.EMPTY, "the body is empty: send the audio file");
            }
            requireAudio(temporary);
            Path stored = fileOf(trackId);
            Files.move(temporary, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOlderFormats(trackId);
            return stored;
        } finally {
            Files.deleteIfExists(temporary); // after an accepted upload it has been moved away already
        }
    }

    /** Where the track's audio is (or would be). */
    public Path fileOf(String trackId) {
        return folder.resolve(trackId + SUFFIX);
    }

    private long copyLimited(InputStream body, Path target) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = body.read(buffer)) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    private static void requireAudio(Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(AudioContainer.HEADER_BYTES);
        }
        if (AudioContainer.detect(header, header.length) == null) {
            throw new AudioUploadException(AudioUploadException.Reason.NOT_AUDIO, "the body is not WAV, AIFF, FLAC, MP3 or Ogg Vorbis audio");
        }
    }

    /** Earlier versions named the file after its format: {@code <id>.<extension>}. */
    private void removeOlderFormats(String trackId) {
        try (DirectoryStream<Path> older = Files.newDirectoryStream(folder, trackId + ".*")) {
            for (Path file : older) {
                if (!file.getFileName().toString().equals(trackId + SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Audio of track {}: an older file could not be removed ({})", trackId, e.getMessage());
        }
    }

    private AudioUploadException tooLarge() {
        return new AudioUploadException(AudioUploadException.Reason.TOO_LARGE,
                "the audio is larger than the configured limit of " + maxBytes / (1024 * 1024) + " MB (max.upload.mb)");
    }
}
