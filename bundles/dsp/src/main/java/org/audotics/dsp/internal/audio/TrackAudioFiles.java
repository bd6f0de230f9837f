package org.audotics.dsp.internal.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.audotics.dsp.internal.scan.FolderScanner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Where a track's audio is: its uploaded file ({@link AudioFileStore}) when there is one, else the file a folder scan
 * last found for it, if it is still on disk.
 */
@Component(service = TrackAudioFiles.class)
public final class TrackAudioFiles {

    private final AudioFileStore uploads;
    private final FolderScanner scans;

    @Activate
    public TrackAudioFiles(@Reference AudioFileStore uploads, @Reference FolderScanner scans) {
        this.uploads = uploads;
        this.scans = scans;
    }

    /** @return the track's audio file, or empty when it has none */
    public Optional<Path> fileOf(String trackId) {
        Path uploaded = uploads.fileOf(trackId);
        if (Files.isRegularFile(uploaded)) {
            return Optional.of(uploaded);
        }
        return scans.scannedFilesOf(trackId).stream().findFirst();
    }
}
