package org.audotics.dsp.internal.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The key estimator on chroma vectors whose answer is known: the third harmonics a spectrum adds a
 * fifth above every note, and the bass line that tells a major key from its relative minor.
 */
class KeyEstimatorTest {

    private static final int C = 0;
    private static final int A = 9;

    /** Each note's energy plus its third harmonic (a fifth above) at 0.45 of it, as a spectrum shows it. */
    private static double[] withThirdHarmonics(int... notes) {
        double[] chroma = new double[12];
        for (int note : notes) {
            chroma[note] += 1;
            chroma[(note + 7) % 12] += 0.45;
        }
        return chroma;
    }

    private static double[] pitchClasses(int... notes) {
        double[] chroma = new double[12];
        for (int note : notes) {
            chroma[note] += 1;
        }
        return chroma;
    }

    private static double[] rotated(double[] chroma, int semitones) {
        double[] out = new double[12];
        for (int pc = 0; pc < 12; pc++) {
            out[(pc + semitones) % 12] = chroma[pc];
        }
        return out;
    }

    @Test
    void readsAProgressionInCAsCMajorThoughItsHarmonicsPointAFifthAbove() {
        // I-IV-V-I in C: C E G, F A C, G B D, C E G; the plain Krumhansl-Kessler profiles read G major
        KeyEstimator.Estimate key = KeyEstimator.estimate(withThirdHarmonics(0, 4, 7, 5, 9, 0, 7, 11, 2, 0, 4, 7));
        assertEquals(C, key.key());
        assertEquals(1, key.mode());
    }

    @Test
    void readsTheWholeScaleOfCWithHarmonicsAsCMajor() {
        KeyEstimator.Estimate key = KeyEstimator.estimate(withThirdHarmonics(0, 2, 4, 5, 7, 9, 11));
        assertEquals(C, key.key());
        assertEquals(1, key.mode());
    }

    @Test
    void aBassOnAAndEMakesTheNotesOfCMajorAMinor() {
        double[] white = pitchClasses(0, 2, 4, 5, 7, 9, 11);
        double[] bass = new double[12];
        bass[A] = 1;
        bass[4] = 0.5;
        KeyEstimator.Estimate withBass = KeyEstimator.estimate(white, bass);
        assertEquals(A, withBass.key());
        assertEquals(0, withBass.mode());
        KeyEstimator.Estimate withoutBass = KeyEstimator.estimate(white);
        assertEquals(C, withoutBass.key());
        assertEquals(1, withoutBass.mode());
    }

    @Test
    void aBassOnCAndGKeepsCMajor() {
        double[] bass = new double[12];
        bass[C] = 1;
        bass[7] = 0.5;
        KeyEstimator.Estimate key = KeyEstimator.estimate(pitchClasses(0, 2, 4, 5, 7, 9, 11), bass);
        assertEquals(C, key.key());
        assertEquals(1, key.mode());
    }

    @Test
    void ignoresABassChromaTooWeakToBeABassLine() {
        double[] white = pitchClasses(0, 2, 4, 5, 7, 9, 11);
        double[] leakage = new double[12];
        leakage[A] = 0.1; // 7 units of chroma: 1.4 %, below the 3 % of a bass line
        leakage[4] = 0.05;
        KeyEstimator.Estimate key = KeyEstimator.estimate(white, leakage);
        assertEquals(C, key.key());
        assertEquals(1, key.mode());
    }

    @Test
    void movesWithAPitchShiftOfChromaAndBass() {
        double[] treble = withThirdHarmonics(9, 0, 4, 2, 5, 9, 4, 8, 11, 9, 0, 4); // i-iv-V-i in A harmonic minor
        double[] bass = pitchClasses(9, 9, 2, 4, 9);
        KeyEstimator.Estimate reference = KeyEstimator.estimate(treble, bass);
        assertEquals(A, reference.key());
        assertEquals(0, reference.mode());
        for (int k = 1; k < 12; k++) {
            KeyEstimator.Estimate shifted = KeyEstimator.estimate(rotated(treble, k), rotated(bass, k));
            assertEquals((A + k) % 12, shifted.key(), "shift " + k);
            assertEquals(0, shifted.mode(), "shift " + k);
            assertEquals(reference.confidence(), shifted.confidence(), 1e-9, "shift " + k);
        }
    }

    @Test
    void silenceHasNoKey() {
        assertEquals(-1, KeyEstimator.estimate(new double[12], new double[12]).key());
    }
}
