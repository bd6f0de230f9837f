package org.audotics.dsp.internal.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an album's cover for a folder scan: an image file beside the audio ({@link #COVER_NAMES}, any case, the
 * first of that list that exists; for files in a disc folder such as {@code CD1} or {@code Disc 2}, also in the
 * album folder above it, where rippers put the cover of a multi-disc album), else the art embedded in an audio file's tags (jaudiotagger: ID3 {@code APIC},
 * FLAC pictures, and the ID3 chunk of WAV and AIFF). Only the bytes are read here, at most {@code maxBytes} of
 * them (a larger file is skipped unread); whether they are an image is for the catalog to decide. A cover file is
 * taken only when its real path is inside the library roots, as for audio files. Nothing here throws: a cover that
 * cannot be read is logged and the album goes without.
 */
final class CoverArt {

    /** Cover file names in order of preference, compared without case. */
    static final List<String> COVER_NAMES = List.of("cover.jpg", "cover.jpeg", "cover.png", "folder.jpg", "folder.jpeg", "folder.png",
            "front.jpg", "front.jpeg", "front.png");

    private static final Logger LOG = LoggerFactory.getLogger(CoverArt.class);
    private static final java.util.regex.Pattern DISC_FOLDER = java.util.regex.Pattern.compile("(?i)(cd|disc|disk)[ _.-]?\\d{1,2}");

    static {
        // jaudiotagger reports every oddity of every file through java.util.logging at INFO
        java.util.logging.Logger.getLogger("org.jaudiotagger").setLevel(java.util.logging.Level.SEVERE);
    }

    private final LibraryRoots roots;
    private final int maxBytes;

    CoverArt(LibraryRoots roots, int maxBytes) {
        this.roots = roots;
        this.maxBytes = maxBytes;
    }

    /** A cover found, with where it came from (for the log). */
    record Found(byte[] data, Path source) {
    }

    /** The cover of the album whose audio files these are (in one folder or several): a cover file first, else embedded art. */
    Optional<Found> of(List<Path> audioFiles) {
        for (Path folder : audioFiles.stream().map(Path::getParent).flatMap(CoverArt::withAlbumFolder).distinct().toList()) {
            Optional<Found> file = coverFile(folder).flatMap(this::read);
            if (file.isPresent()) {
                return file;
            }
        }
        for (Path audio : audioFiles) {
            Optional<Found> embedded = embedded(audio);
            if (embedded.isPresent()) {
                return embedded;
            }
        }
        return Optional.empty();
    }

    /** A folder, and the album folder above it when it is a disc folder ({@code CD1}, {@code Disc 2}, {@code disk3}). */
    private static java.util.stream.Stream<Path> withAlbumFolder(Path folder) {
        Path name = folder.getFileName();
        boolean disc = name != null && DISC_FOLDER.matcher(name.toString()).matches() && folder.getParent() != null;
        return disc ? java.util.stream.Stream.of(folder, folder.getParent()) : java.util.stream.Stream.of(folder);
    }

    /** The preferred cover file in a folder, if any. */
    Optional<Path> coverFile(Path folder) {
        Map<String, Path> byName = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if (COVER_NAMES.contains(name) && Files.isRegularFile(entry)) {
                    byName.putIfAbsent(name, entry);
                }
            }
        } catch (IOException | SecurityException e) {
            LOG.warn("Folder scan: cannot look for a cover in {} ({})", folder, e.toString());
            return Optional.empty();
        }
        return COVER_NAMES.stream().map(byName::get).filter(path -> path != null && inside(path)).findFirst();
    }

    private boolean inside(Path path) {
        try {
            return roots.resolved().contains(path.toRealPath()); // the roots as they are now, as FolderWalk sees them
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private Optional<Found> read(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                LOG.warn("Folder scan: skipping cover {} ({} bytes, more than {})", file, size, maxBytes);
                return Optional.empty();
            }
            return Optional.of(new Found(Files.readAllBytes(file), file));
        } catch (IOException | SecurityException e) {
            LOG.warn("Folder scan: cannot read cover {} ({})", file, e.toString());
            return Optional.empty();
        }
    }

    /** The first picture in the file's tags, front cover or not (most files hold one). */
    Optional<Found> embedded(Path audio) {
        try {
            AudioFile file = AudioFileIO.read(audio.toFile());
            Tag tag = file.getTag();
            Artwork artwork = tag == null ? null : tag.getFirstArtwork();
            byte[] data = artwork == null ? null : artwork.getBinaryData();
            if (data == null || data.length == 0) {
                return Optional.empty();
            }
            if (data.length > maxBytes) {
                LOG.warn("Folder scan: skipping the art embedded in {} ({} bytes, more than {})", audio, data.length, maxBytes);
                return Optional.empty();
            }
            return Optional.of(new Found(data, audio));
        } catch (Exception | LinkageError e) {
            // tags are optional: unreadable or unsupported ones just mean no embedded art
            LOG.debug("Folder scan: no embedded art read from {} ({})", audio, e.toString());
            return Optional.empty();
        }
    }
}
