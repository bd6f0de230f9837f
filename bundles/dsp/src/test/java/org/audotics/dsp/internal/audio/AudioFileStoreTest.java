package org.audotics.dsp.internal.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import org.audotics.dsp.internal.signal.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One audio file per track, replaced whole; a refused or broken upload keeps the old one. */
class AudioFileStoreTest {

    @TempDir
    Path folder;

    private AudioFileStore store() {
        return new AudioFileStore(folder, 1024 * 1024);
    }

    private static byte[] wav(Path dir) throws Exception {
        return Files.readAllBytes(Signals.wav(dir.resolve("in.wav"), Signals.drums(120, 1, 8_000, 1), 8_000,
                AudioFormat.Encoding.PCM_SIGNED, 16));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aReuploadInAnotherFormatLeavesOneFile(@TempDir Path in) throws Exception {
        AudioFileStore store = store();
        byte[] flac = ("fLaC" + "x".repeat(100)).getBytes();
        Path first = store.store("t1", new ByteArrayInputStream(wav(in)), null);
        Path second = store.store("t1", new ByteArrayInputStream(flac), (long) flac.length);
        assertEquals(first, second);
        assertEquals(List.of("t1.audio"), files());
        assertArrayEquals(flac, Files.readAllBytes(second));
    }

    @Test
    void filesOfEarlierVersionsAreRemovedOnceTheNewOneIsInPlace(@TempDir Path in) throws Exception {
        Files.writeString(folder.resolve("t1.mp3"), "old");
        Files.writeString(folder.resolve("t1.wav"), "older");
        Files.writeString(folder.resolve("t10.mp3"), "another track");
        store().store("t1", new ByteArrayInputStream(wav(in)), null);
        assertEquals(List.of("t1.audio", "t10.mp3"), files());
    }

    @Test
    void aRefusedOrBrokenUploadKeepsTheOldFile(@TempDir Path in) throws Exception {
        AudioFileStore store = store();
        byte[] old = wav(in);
        store.store("t1", new ByteArrayInputStream(old), null);

        assertEquals(AudioUploadException.Reason.NOT_AUDIO,
                assertThrows(AudioUploadException.class, () -> store.store("t1", new ByteArrayInputStream("text".getBytes()), null)).reason());
        assertEquals(AudioUploadException.Reason.EMPTY,
                assertThrows(AudioUploadException.class, () -> store.store("t1", new ByteArrayInputStream(new byte[0]), null)).reason());
        assertEquals(AudioUploadException.Reason.TOO_LARGE,
                assertThrows(AudioUploadException.class, () -> store.store("t1", new ByteArrayInputStream(new byte[2 * 1024 * 1024]), null)).reason());
        assertEquals(AudioUploadException.Reason.TOO_LARGE,
                assertThrows(AudioUploadException.class, () -> store.store("t1", new ByteArrayInputStream(old), 5L * 1024 * 1024)).reason());
        InputStream breaksHalfway = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 1000) {
                    return old[sent - 1] & 0xFF;
                }
                throw new IOException("the client went away");
            }
        };
        assertThrows(IOException.class, () -> store.store("t1", breaksHalfway, null));

        assertEquals(List.of("t1.audio"), files(), "no temporary file left, the old file still there");
        assertArrayEquals(old, Files.readAllBytes(store.fileOf("t1")));
    }
}
