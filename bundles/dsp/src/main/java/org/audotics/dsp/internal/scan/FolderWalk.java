package org.audotics.dsp.internal.scan;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio files under a folder (by extension: the analysis checks the real format), hidden files and
 * folders excepted, in path order. Symbolic links are followed only while they stay inside the library
 * roots; a link cycle, an unreadable folder or file is skipped and counted, the walk goes on.
 */
final class FolderWalk {

    static final Set<String> EXTENSIONS = Set.of("wav", "wave", "flac", "mp3", "ogg", "oga", "aif", "aiff", "aifc", "au", "snd");
    private static final Logger LOG = LoggerFactory.getLogger(FolderWalk.class);

    /** What a walk found: audio files (real paths, inside the roots) and entries it had to skip. */
    record Found(List<Path> files, int unreadable) {
    }

    private FolderWalk() {
    }

    /**
     * @param folder a real path inside {@code roots}
     * @throws IOException when the folder itself cannot be read
     */
    static Found audioFiles(Path folder, LibraryRoots configured) throws IOException {
        LibraryRoots roots = configured.resolved();
        List<Path> files = new ArrayList<>();
        int[] unreadable = {0};
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(folder)) {
                    return FileVisitResult.CONTINUE;
                }
                return isHidden(dir.getFileName()) || !inside(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !isHidden(file.getFileName()) && EXTENSIONS.contains(extension(file)) && inside(file)) {
                    files.add(realPath(file));
                }
                return FileVisitResult.CONTINUE;
            }

            /** A link that leads out of every root is not followed (and not counted: it is no part of the library). */
            private boolean inside(Path path) {
                Path real = realPath(path);
                if (real == null) {
                    unreadable[0]++;
                    return false;
                }
                if (!roots.contains(real)) {
                    LOG.debug("Folder scan: not following {}, it leads out of the library roots", path);
                    return false;
                }
                return true;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(folder)) {
                    throw e;
                }
                unreadable[0]++;
                LOG.warn("Folder scan: skipping {} ({})", file, e instanceof FileSystemLoopException ? "a link cycle" : e.toString());
                return FileVisitResult.CONTINUE;
            }
        });
        return new Found(files.stream().distinct().sorted().toList(), unreadable[0]);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            LOG.warn("Folder scan: skipping {} ({})", path, e.toString());
            return null;
        }
    }

    private static boolean isHidden(Path name) {
        return name != null && name.toString().startsWith(".");
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
