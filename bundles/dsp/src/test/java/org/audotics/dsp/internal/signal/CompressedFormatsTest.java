package org.audotics.dsp.internal.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.audotics.dsp.api.UndecodableAudioException;
import org.audotics.dsp.api.UnsupportedAudioFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FLAC, MP3 and Ogg Vorbis: a WAV with known tempo and loudness is encoded by the reference encoders
 * (Debian's flac, lame and oggenc; .ci/run installs them) and must decode to the same measurements.
 */
class CompressedFormatsTest {

    @TempDir
    static Path dir;
    private static Path wav;
    private static SignalFeatures reference;

    @BeforeAll
    static void referenceFile() throws Exception {
        float[][] clicks = Signals.clicks(126, 20, 44_100);
        float[][] stereo = {clicks[0], clicks[0].clone()};
        wav = Signals.wav(dir.resolve("reference.wav"), stereo, 44_100, AudioFormat.Encoding.PCM_SIGNED, 16);
        reference = SignalAnalysis.analyze(wav);
    }

    private static Path encode(String format) throws Exception {
        Path out = dir.resolve("encoded." + format);
        List<String> command = switch (format) {
            case "flac" -> List.of("flac", "--silent", "--force", "-o", out.toString(), wav.toString());
            case "mp3" -> List.of("lame", "--quiet", "-b", "192", wav.toString(), out.toString());
            case "ogg" -> List.of("oggenc", "--quiet", "-q", "5", "-o", out.toString(), wav.toString());
            default -> throw new IllegalArgumentException(format);
        };
        assumeTrue(onPath(command.get(0)), command.get(0) + " is not installed (.ci/run installs it)");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return out;
    }

    private static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flac", "mp3", "ogg"})
    void decodesToTheSameMeasurements(String format) throws Exception {
        SignalFeatures decoded = SignalAnalysis.analyze(encode(format));
        assertEquals(reference.durationMs(), decoded.durationMs(), 120, "duration (MP3 adds encoder padding)");
        assertEquals(reference.loudness(), decoded.loudness(), 0.5, "loudness");
        assertEquals(126, decoded.tempo(), 126 * 0.02, "tempo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"flac", "mp3", "ogg"})
    void corruptDataIsAnalysedOrRefusedButNeverCrashes(String format) throws Exception {
        byte[] bytes = Files.readAllBytes(encode(format));
        byte[] garbage = new byte[4000];
        new Random(3).nextBytes(garbage);
        System.arraycopy(garbage, 0, bytes, 2000, Math.min(garbage.length, bytes.length - 2000));
        Path corrupt = Files.write(dir.resolve("corrupt." + format), bytes);
        try {
            SignalAnalysis.analyze(corrupt);
        } catch (UndecodableAudioException expected) {
            // refusing is as good as analysing what survived; anything else would be a bug
            AudioReaderTest.assertOurWords(expected.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flac", "mp3", "ogg"})
    void aFileCutShortIsRefusedAsTooShort(String format) throws Exception {
        byte[] bytes = Files.readAllBytes(encode(format));
        Path cut = Files.write(dir.resolve("cut." + format), java.util.Arrays.copyOf(bytes, 3000));
        assertThrows(UndecodableAudioException.class, () -> SignalAnalysis.analyze(cut));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OggS\0\2\0\0 OpusHead", "%PDF-1.7", "<html>"})
    void otherFormatsAreUnsupported(String start) throws Exception {
        Path other = Files.writeString(dir.resolve("other.bin"), start + " ".repeat(200));
        assertThrows(UnsupportedAudioFormatException.class, () -> SignalAnalysis.analyze(other));
    }
}
