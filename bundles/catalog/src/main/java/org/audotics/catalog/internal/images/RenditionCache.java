package org.audotics.catalog.internal.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renditions made so far, one file per image and size on this node's disk ({@code <id>-<size>.jpg|png}). A
 * stored image never changes (its id is the hash of its bytes), so a file once written is never stale and needs no
 * expiry; deleting the folder only costs the resizes again. Files are written to a temporary name and moved into
 * place, so a reader never sees half a file and two nodes or requests making the same rendition do no harm.
 */
public final class RenditionCache {

    private static final Logger LOG = LoggerFactory.getLogger(RenditionCache.class);

    private final Path folder;

    public RenditionCache(Path folder) {
        this.folder = folder;
    }

    /** A cached rendition: its file and media type. */
    public record Cached(Path file, String mediaType) {
    }

    /** @param id a well-formed image id (the caller checked it: it becomes part of a file name) */
    public Optional<Cached> find(String id, int size) {
        for (String extension : new String[] {"jpg", "png"}) {
            Path file = folder.resolve(id + "-" + size + "." + extension);
            if (Files.isRegularFile(file)) {
                return Optional.of(new Cached(file, extension.equals("png") ? "image/png" : "image/jpeg"));
            }
        }
        return Optional.empty();
    }

    /** Keeps a rendition; a failure to write is logged and otherwise ignored (the next request resizes again). */
    public void put(String id, int size, ImageRenditions.Rendition rendition) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, id + "-" + size + "-", ".part");
            try {
                Files.write(temporary, rendition.data());
                Files.move(temporary, folder.resolve(id + "-" + size + "." + rendition.extension()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.warn("Image cache: could not keep {} at size {} in {} ({})", id, size, folder, e.toString());
        }
    }
}
