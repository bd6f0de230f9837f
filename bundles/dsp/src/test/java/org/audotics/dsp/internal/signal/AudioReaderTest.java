package org.audotics.dsp.internal.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import org.audotics.dsp.api.UndecodableAudioException;
import org.audotics.dsp.api.UnsupportedAudioFormatException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"PCM_UNSIGNED,8,0.01", "PCM_SIGNED,16,0.0001", "PCM_SIGNED,24,0.000001", "PCM_SIGNED,32,0.000001", "PCM_FLOAT,32,0.000001"})
    void decodesEverySampleFormat(String encoding, int bits, double tolerance) throws Exception {
        float[][] signal = Signals.sine(440, 0.5, 0.5, 44_100, 2);
        signal[1] = Signals.sine(880, 0.25, 0.5, 44_100, 1)[0];
        Path file = Signals.wav(dir.resolve("t.wav"), signal, 44_100, new AudioFormat.Encoding(encoding), bits);
        try (AudioReader reader = AudioReader.open(file)) {
            assertEquals(2, reader.channels());
            assertEquals(44_100f, reader.sampleRate());
            float[][] block = new float[2][1000];
            int total = 0;
            int frames;
            while ((frames = reader.read(block)) > 0) {
                for (int i = 0; i < frames; i++) {
                    assertEquals(signal[0][total + i], block[0][i], tolerance);
                    assertEquals(signal[1][total + i], block[1][i], tolerance);
                }
                total += frames;
            }
            assertEquals(signal[0].length, total);
        }
    }

    @Test
    void refusesWhatIsNotAudio() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are not samples");
        assertThrows(UnsupportedAudioFormatException.class, () -> AudioReader.open(text));
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        assertThrows(UnsupportedAudioFormatException.class, () -> AudioReader.open(empty));
    }

    /** What clients read as a job's error: no Java class names, no "null", no server path. */
    static void assertOurWords(String message) {
        assertFalse(message.matches("(?s).*(java|Exception|Error|\\bnull\\b|/).*"), "internals in: " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000", "\u00ff\u00fb\u0090\u0064", "fLaC\u0000\u0000\u0000\"", "FORM\u0000\u0000\u0000\u0004AIFF",
        "RIFF\u0024\u0000\u0000\u0000WAVEfmt \u0010\u0000\u0000\u0000\u0055\u0000\u0001\u0000"})
    void decoderFailuresAreDescribedInOurWords(String start) throws Exception {
        byte[] header = start.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] bytes = java.util.Arrays.copyOf(header, 5000);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("broken.bin"), bytes);
        try {
            SignalAnalysis.analyze(file);
            throw new AssertionError("garbage was analysed");
        } catch (UndecodableAudioException | UnsupportedAudioFormatException e) {
            assertOurWords(e.getMessage());
        }
    }

    @Test
    void anUnreadableFileIsDescribedInOurWords() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.wav"));
        UndecodableAudioException e = assertThrows(UndecodableAudioException.class, () -> AudioReader.open(folder));
        assertOurWords(e.getMessage());
    }

    @Test
    void aTruncatedFileEndsEarlyInsteadOfFailing() throws Exception {
        Path file = Signals.wav(dir.resolve("t.wav"), Signals.sine(440, 0.5, 1, 8_000, 1), 8_000, AudioFormat.Encoding.PCM_SIGNED, 16);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (AudioReader reader = AudioReader.open(truncated)) {
            float[][] block = new float[1][100_000];
            int frames = reader.read(block);
            assertEquals(true, frames > 3_000 && frames < 4_100, "frames " + frames);
        }
    }
}
