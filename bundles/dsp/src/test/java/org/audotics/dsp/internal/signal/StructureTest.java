package org.audotics.dsp.internal.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Beats, bars, meter, segments and sections of synthetic signals whose structure is known. */
class StructureTest {

    /** MIREX's beat tolerance: a detected beat within 70 ms of a true one counts as a hit. */
    private static final double TOLERANCE = 0.07;

    @TempDir
    Path dir;

    private SignalFeatures analyze(float[][] signal) throws Exception {
        return SignalAnalysis.analyze(Signals.wav(dir.resolve("s.wav"), signal, 44_100, AudioFormat.Encoding.PCM_SIGNED, 16));
    }

    @ParameterizedTest
    @ValueSource(doubles = {75, 100, 120, 150})
    void beatsLandOnTheClicks(double bpm) throws Exception {
        SignalFeatures features = analyze(Signals.clicks(bpm, 30, 44_100));
        List<TimeInterval> beats = features.structure().beats();
        double period = 60 / bpm;
        int expected = (int) Math.floor(30 / period);
        int hits = 0;
        for (TimeInterval beat : beats) {
            double offset = beat.start() / period - Math.round(beat.start() / period);
            if (Math.abs(offset * period) <= TOLERANCE) {
                hits++;
            }
        }
        double precision = hits / (double) beats.size();
        double recall = hits / (double) expected;
        double f = 2 * precision * recall / (precision + recall);
        assertTrue(f >= 0.9, "F-measure " + f + " (" + beats.size() + " beats, " + hits + " hits of " + expected + ")");
        assertEquals(2 * beats.size(), features.structure().tatums().size());
    }

    @Test
    void waltzIsInThreeWithBarsOnTheAccents() throws Exception {
        SignalFeatures features = analyze(Signals.accentedClicks(96, 3, 40, 44_100));
        assertEquals(3, features.timeSignature());
        assertBarsStartOnDownbeats(features, 96, 3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 128})
    void accentedFourIsInFour(double bpm) throws Exception {
        SignalFeatures features = analyze(Signals.accentedClicks(bpm, 4, 40, 44_100));
        assertEquals(4, features.timeSignature());
        assertBarsStartOnDownbeats(features, bpm, 4);
    }

    @Test
    void drumPatternIsInFour() throws Exception {
        assertEquals(4, analyze(Signals.drums(120, 30, 44_100, 3)).timeSignature());
    }

    private static void assertBarsStartOnDownbeats(SignalFeatures features, double bpm, int beatsPerBar) {
        List<TimeInterval> bars = features.structure().bars();
        double bar = beatsPerBar * 60 / bpm;
        assertTrue(bars.size() >= 40 / bar - 2, bars.size() + " bars");
        for (TimeInterval b : bars) {
            if (b == bars.get(bars.size() - 1)) {
                assertTrue(b.duration() <= bar + 0.1, "the last bar ends with the file");
                continue;
            }
            double offset = b.start() / bar - Math.round(b.start() / bar);
            assertTrue(Math.abs(offset * bar) <= TOLERANCE, "bar at " + b.start() + " is not on a downbeat (bar length " + bar + ")");
            assertEquals(bar, b.duration(), 0.1);
        }
    }

    @Test
    void segmentsStartAtTheNotesWithTheirPitch() throws Exception {
        int[] melody = {60, 64, 67, 69, 72, 67, 64, 60, 62, 65, 69, 71};
        SignalFeatures features = analyze(Signals.notes(melody, 0.5, 44_100));
        List<Segment> segments = features.structure().segments();
        assertEquals(melody.length, segments.size(), "segments " + segments.stream().map(Segment::start).toList());
        for (int n = 0; n < melody.length; n++) {
            Segment segment = segments.get(n);
            assertEquals(n * 0.5, segment.start(), 0.05, "segment " + n);
            int strongest = 0;
            for (int p = 1; p < 12; p++) {
                strongest = segment.pitches()[p] > segment.pitches()[strongest] ? p : strongest;
            }
            assertEquals(melody[n] % 12, strongest, "pitch class of note " + n);
            assertEquals(1.0f, segment.pitches()[strongest], 1e-6);
            assertTrue(segment.loudnessMax() >= segment.loudnessStart() && segment.loudnessMax() >= segment.loudnessEnd());
            assertTrue(segment.loudnessMaxTime() < 0.15, "peak early in a plucked note: " + segment.loudnessMaxTime());
        }
    }

    @Test
    void sectionBoundaryWhereTheMusicChanges() throws Exception {
        float[][] first = Signals.concat(repeat(Signals.chord(new int[] {60, 64, 67}, 2, 44_100), 10));
        float[][] second = Signals.scaled(Signals.drums(140, 20, 44_100, 5), 0.8);
        SignalFeatures features = analyze(Signals.concat(first, second));
        List<Section> sections = features.structure().sections();
        assertEquals(2, sections.size(), "sections " + sections);
        assertEquals(20, sections.get(1).start(), 1.5);
        assertEquals(0, sections.get(0).key());
        assertEquals(1, sections.get(0).mode());
        assertEquals(140, sections.get(1).tempo(), 140 * 0.02);
        double covered = sections.stream().mapToDouble(Section::duration).sum();
        assertEquals(40, covered, 0.05);
    }

    @Test
    void aSteadyToneIsOneSectionAndOneSegment() throws Exception {
        SignalFeatures features = analyze(Signals.sine(440, 0.3, 12, 44_100, 1));
        assertEquals(1, features.structure().sections().size());
        assertEquals(1, features.structure().segments().size());
        assertEquals(12, features.structure().segments().get(0).duration(), 0.05);
    }

    private static float[][][] repeat(float[][] part, int times) {
        float[][][] parts = new float[times][][];
        java.util.Arrays.fill(parts, part);
        return parts;
    }
}
