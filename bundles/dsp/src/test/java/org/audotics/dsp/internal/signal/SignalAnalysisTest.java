package org.audotics.dsp.internal.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.audotics.dsp.api.UndecodableAudioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-file analysis of synthetic signals whose tempo, key and loudness are known. */
class SignalAnalysisTest {

    @TempDir
    Path dir;

    private SignalFeatures analyze(float[][] signal, float rate) throws Exception {
        return SignalAnalysis.analyze(Signals.wav(dir.resolve("s.wav"), signal, rate, AudioFormat.Encoding.PCM_SIGNED, 16));
    }

    /**
     * A bare click track is ambiguous by an octave (clicks at 200 BPM are also eighth notes at 100), so, as
     * the issue asks, octave errors are counted apart: every estimate is within 2 % of the tempo or of an
     * octave of it, and at most the one tempo above the 180 BPM doubling limit is read an octave down.
     */
    @Test
    void clickTrackTempoWithinTwoPercentOctaveErrorsCountedApart() throws Exception {
        List<String> octaveErrors = new java.util.ArrayList<>();
        for (double bpm : new double[] {60, 72, 90, 100, 120, 128, 140, 160, 174, 200}) {
            SignalFeatures features = analyze(Signals.clicks(bpm, 30, 44_100), 44_100);
            double tempo = features.tempo();
            assertTrue(features.tempoConfidence() > 0.3, bpm + " BPM: confidence " + features.tempoConfidence());
            if (Math.abs(tempo - bpm) <= bpm * 0.02) {
                continue;
            }
            boolean octave = Math.abs(tempo - bpm / 2) <= bpm * 0.01 || Math.abs(tempo - bpm * 2) <= bpm * 0.04;
            assertTrue(octave, bpm + " BPM: estimated " + tempo);
            octaveErrors.add(bpm + " -> " + Math.round(tempo));
        }
        assertTrue(octaveErrors.size() <= 1, "octave errors: " + octaveErrors);
    }

    @ParameterizedTest
    @ValueSource(doubles = {85, 100, 120, 132, 150, 170})
    void drumPatternTempoWithinTwoPercent(double bpm) throws Exception {
        SignalFeatures features = analyze(Signals.drums(bpm, 30, 44_100, 7), 44_100);
        assertEquals(bpm, features.tempo(), bpm * 0.02, "estimated " + features.tempo());
    }

    @Test
    void tempoAtOtherSampleRates() throws Exception {
        assertEquals(128, analyze(Signals.clicks(128, 30, 48_000), 48_000).tempo(), 128 * 0.02);
        assertEquals(128, analyze(Signals.clicks(128, 30, 22_050), 22_050).tempo(), 128 * 0.02);
    }

    @ParameterizedTest
    @CsvSource({
        "C major,  60 64 67, 0, 1",
        "G major,  67 71 74, 7, 1",
        "Eb major, 63 67 70, 3, 1",
        "A minor,  57 60 64, 9, 0",
        "F# minor, 54 57 61, 6, 0",
        "D minor,  62 65 69, 2, 0"})
    void keyOfASustainedTriad(String name, String notes, int key, int mode) throws Exception {
        int[] midi = java.util.Arrays.stream(notes.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
        SignalFeatures features = analyze(Signals.chord(midi, 6, 44_100), 44_100);
        assertEquals(key, features.key(), name);
        assertEquals(mode, features.mode(), name);
    }

    @Test
    void keyOfAProgression() throws Exception {
        // D major: I - IV - V - I (D, G, A, D)
        float[][] progression = Signals.concat(
                Signals.chord(new int[] {62, 66, 69}, 2, 44_100), Signals.chord(new int[] {67, 71, 74}, 2, 44_100),
                Signals.chord(new int[] {69, 73, 76}, 2, 44_100), Signals.chord(new int[] {62, 66, 69}, 2, 44_100));
        SignalFeatures features = analyze(progression, 44_100);
        assertEquals(2, features.key());
        assertEquals(1, features.mode());
    }

    @Test
    void reportsLoudnessAndDuration() throws Exception {
        SignalFeatures features = analyze(Signals.sine(1000, Signals.dbfs(-20), 5, 48_000, 2), 48_000);
        assertEquals(-20.0, features.loudness(), 0.2);
        assertEquals(5000, features.durationMs());
    }

    @Test
    void refusesSilenceAndAudioTooShortToAnalyse() throws Exception {
        var silent = assertThrows(UndecodableAudioException.class, () -> analyze(new float[2][44_100 * 5], 44_100));
        assertEquals("audio is silent", silent.getMessage());
        var shortOne = assertThrows(UndecodableAudioException.class, () -> analyze(Signals.sine(440, 0.5, 1, 44_100, 1), 44_100));
        assertTrue(shortOne.getMessage().startsWith("audio is 1.0 s long"), shortOne.getMessage());
    }
}
