package org.audotics.dsp.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans are confined to the library roots, and a refusal says nothing about what exists. */
class LibraryRootsTest {

    @TempDir
    Path root;
    @TempDir
    Path outside;

    @Test
    void everyRefusedPathGetsTheSameAnswerWhateverExistsThere() throws Exception {
        LibraryRoots roots = new LibraryRoots(List.of(root));
        Path file = Files.writeString(root.resolve("a.wav"), "x");
        Path linkOut = Files.createSymbolicLink(root.resolve("out"), outside);
        List<String> refused = List.of("/etc/shadow", "/etc", "/nonexistent", "/proc/self", "/", outside.toString(), file.toString(),
                root.resolve("missing").toString(), linkOut.toString(), root + "/../" + outside.getFileName(), "relative/music");
        String expected = null;
        for (String path : refused) {
            ScanRefusedException e = assertThrows(ScanRefusedException.class, () -> roots.confine(path), path);
            String withoutPath = e.getMessage().replace("'" + path + "'", "'PATH'");
            if (expected == null) {
                expected = withoutPath;
            }
            assertEquals(expected, withoutPath, "the answer for " + path);
        }
    }

    @Test
    void foldersInsideARootAndLinksThatStayInsideAreScannable() throws Exception {
        LibraryRoots roots = new LibraryRoots(List.of(root));
        Path album = Files.createDirectories(root.resolve("artist").resolve("album"));
        Path linkIn = Files.createSymbolicLink(root.resolve("shortcut"), album);
        assertEquals(root.toRealPath(), roots.confine(root.toString()));
        assertEquals(album.toRealPath(), roots.confine(album.toString()));
        assertEquals(album.toRealPath(), roots.confine(linkIn.toString()));
    }

    @Test
    void theWalkDoesNotFollowLinksOutOfTheRoots() throws Exception {
        LibraryRoots roots = new LibraryRoots(List.of(root));
        Files.writeString(root.resolve("in.wav"), "x");
        Files.writeString(outside.resolve("secret.flac"), "x");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("secret.flac"), outside.resolve("secret.flac"));
        Files.createSymbolicLink(root.resolve("again.wav"), root.resolve("in.wav"));

        FolderWalk.Found found = FolderWalk.audioFiles(root.toRealPath(), roots);
        assertEquals(List.of(root.resolve("in.wav").toRealPath()), found.files(), "a link inside the root counts once");
    }

    @Test
    void noConfiguredRootMeansTheMusicFolderUnderData(@TempDir Path data) throws Exception {
        LibraryRoots roots = LibraryRoots.parse(" ", data);
        assertEquals(List.of(data.toAbsolutePath().resolve("audotics").resolve("music")), roots.roots());
        assertThrows(ScanRefusedException.class, () -> roots.confine(data.toString()));
        Path music = Files.createDirectories(data.resolve("audotics").resolve("music"));
        assertEquals(music.toRealPath(), roots.confine(music.toString()));
        assertEquals(2, LibraryRoots.parse("/srv/music, /mnt/more ,", data).roots().size());
        assertThrows(IllegalStateException.class, () -> LibraryRoots.parse("music", data));
        assertTrue(LibraryRoots.parse("/srv/music", data).roots().contains(Path.of("/srv/music")));
    }
}
