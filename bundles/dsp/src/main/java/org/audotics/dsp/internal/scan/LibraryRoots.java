package org.audotics.dsp.internal.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The folders scans may read ({@code library.roots}), compared by their real paths: a path is inside a root
 * when what it really is, symbolic links resolved, lies under the root's real location. A root that does
 * not exist (yet) contains nothing.
 */
final class LibraryRoots {

    private final List<Path> roots;
    /** The roots are real paths already (a snapshot taken by {@link #resolved()}). */
    private final boolean alreadyReal;

    LibraryRoots(List<Path> roots) {
        this(roots, false);
    }

    private LibraryRoots(List<Path> roots, boolean real) {
        this.roots = List.copyOf(roots);
        this.alreadyReal = real;
    }

    /** The roots' real locations as they are now, for the many checks of one walk. */
    LibraryRoots resolved() {
        return alreadyReal ? this : new LibraryRoots(roots.stream().map(LibraryRoots::realOrNull).filter(Objects::nonNull).toList(), true);
    }

    /**
     * @param configured the {@code library.roots} value: comma-separated absolute paths
     * @param dataFolder Karaf's data folder, whose {@code audotics/music} is the root when none is configured
     * @throws IllegalStateException for a relative or malformed root (a configuration error)
     */
    static LibraryRoots parse(String configured, Path dataFolder) {
        List<Path> roots = new ArrayList<>();
        for (String root : configured.split(",")) {
            if (root.isBlank()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(root.strip());
            } catch (InvalidPathException e) {
                throw new IllegalStateException("library.roots: '" + root.strip() + "' is not a path", e);
            }
            if (!path.isAbsolute()) {
                throw new IllegalStateException("library.roots: '" + root.strip() + "' is not an absolute path");
            }
            roots.add(path.normalize());
        }
        if (roots.isEmpty()) {
            roots.add(dataFolder.toAbsolutePath().normalize().resolve("audotics").resolve("music"));
        }
        return new LibraryRoots(roots);
    }

    List<Path> roots() {
        return roots;
    }

    /**
     * The folder a scan of {@code requested} reads.
     *
     * @return its real path
     * @throws ScanRefusedException when it is not a readable folder inside a root, whatever the reason
     */
    Path confine(String requested) {
        try {
            Path path = Path.of(requested);
            if (!path.isAbsolute()) {
                throw new ScanRefusedException(requested);
            }
            Path real = path.toRealPath();
            if (!contains(real) || !Files.isDirectory(real) || !Files.isReadable(real)) {
                throw new ScanRefusedException(requested);
            }
            return real;
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new ScanRefusedException(requested);
        }
    }

    /** @param real a real path (symbolic links resolved) */
    boolean contains(Path real) {
        for (Path root : roots) {
            Path realRoot = alreadyReal ? root : realOrNull(root);
            if (realRoot != null && real.startsWith(realRoot)) {
                return true;
            }
        }
        return false;
    }

    private static Path realOrNull(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException | SecurityException missing) {
            return null;
        }
    }
}
