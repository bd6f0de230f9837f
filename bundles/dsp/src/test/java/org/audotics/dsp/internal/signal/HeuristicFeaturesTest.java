package org.audotics.dsp.internal.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orderings the heuristic features promise (docs/dsp.md), on signals where the answer is not in
 * doubt, and the descriptors they read.
 */
class HeuristicFeaturesTest {

    @TempDir
    Path dir;

    private float[] descriptors(float[][] signal) throws Exception {
        SignalFeatures features = SignalAnalysis.analyze(Signals.wav(dir.resolve("s.wav"), signal, 44_100, AudioFormat.Encoding.PCM_SIGNED, 16));
        assertEquals(Descriptors.SIZE, features.descriptors().length);
        return features.descriptors();
    }

    private float[][] softChords() {
        return Signals.scaled(Signals.concat(Signals.chord(new int[] {60, 64, 67}, 4, 44_100), Signals.chord(new int[] {65, 69, 72}, 4, 44_100),
                Signals.chord(new int[] {67, 71, 74}, 4, 44_100)), 0.1);
    }

    @Test
    void loudDenseDrumsAreMoreEnergeticThanSoftChords() throws Exception {
        double drums = HeuristicFeatures.energy(descriptors(Signals.drums(128, 20, 44_100, 1)));
        double chords = HeuristicFeatures.energy(descriptors(softChords()));
        assertTrue(drums > chords + 0.3, "drums " + drums + ", chords " + chords);
    }

    @Test
    void aSteadyBeatIsMoreDanceableThanSustainedChords() throws Exception {
        double drums = HeuristicFeatures.danceability(descriptors(Signals.drums(118, 20, 44_100, 2)));
        double chords = HeuristicFeatures.danceability(descriptors(softChords()));
        assertTrue(drums > 0.5, "drums " + drums);
        assertTrue(drums > chords + 0.3, "drums " + drums + ", chords " + chords);
    }

    @Test
    void majorReadsHappierThanMinor() throws Exception {
        float[][] major = Signals.concat(Signals.chord(new int[] {60, 64, 67}, 4, 44_100), Signals.chord(new int[] {65, 69, 72}, 4, 44_100),
                Signals.chord(new int[] {67, 71, 74}, 4, 44_100), Signals.chord(new int[] {60, 64, 67}, 4, 44_100));
        float[][] minor = Signals.concat(Signals.chord(new int[] {57, 60, 64}, 4, 44_100), Signals.chord(new int[] {62, 65, 69}, 4, 44_100),
                Signals.chord(new int[] {64, 67, 71}, 4, 44_100), Signals.chord(new int[] {57, 60, 64}, 4, 44_100));
        float[] dMajor = descriptors(major);
        float[] dMinor = descriptors(minor);
        double happy = HeuristicFeatures.valence(dMajor, 1, HeuristicFeatures.energy(dMajor));
        double sad = HeuristicFeatures.valence(dMinor, 0, HeuristicFeatures.energy(dMinor));
        assertTrue(happy > sad + 0.2, "major " + happy + ", minor " + sad);
    }

    @Test
    void noiseBetweenTheNotesRaisesLiveness() throws Exception {
        float[][] clean = Signals.notes(new int[] {60, 64, 67, 72, 67, 64, 60, 64, 67, 72, 67, 64, 60, 64, 67, 72}, 0.75, 44_100);
        float[][] crowd = Signals.concat(Signals.modulatedNoise(0.3, 12, 44_100, 4));
        float[][] live = new float[1][clean[0].length];
        for (int i = 0; i < live[0].length; i++) {
            live[0][i] = clean[0][i] + 0.3f * crowd[0][i % crowd[0].length];
        }
        double studio = HeuristicFeatures.liveness(descriptors(clean));
        double concert = HeuristicFeatures.liveness(descriptors(live));
        assertTrue(concert > studio + 0.2, "live " + concert + ", studio " + studio);
        assertTrue(studio < 0.3, "studio " + studio);
    }

    @Test
    void syllableRateModulationStandsOutInSpeechLikeSound() throws Exception {
        float[] speechLike = descriptors(Signals.modulatedNoise(4, 12, 44_100, 1));
        float[] beat = descriptors(Signals.modulatedNoise(1, 12, 44_100, 1));
        assertTrue(speechLike[Descriptors.SYLLABLE_MODULATION] > 0.5, "4 Hz: " + speechLike[Descriptors.SYLLABLE_MODULATION]);
        assertTrue(beat[Descriptors.SYLLABLE_MODULATION] < 0.2, "1 Hz: " + beat[Descriptors.SYLLABLE_MODULATION]);
    }

    @Test
    void everyHeuristicStaysInRangeOnDegenerateDescriptors() {
        float[] zeros = new float[Descriptors.SIZE];
        float[] extreme = new float[Descriptors.SIZE];
        java.util.Arrays.fill(extreme, 1e6f);
        for (float[] d : new float[][] {zeros, extreme}) {
            double energy = HeuristicFeatures.energy(d);
            for (double value : new double[] {energy, HeuristicFeatures.danceability(d), HeuristicFeatures.valence(d, 1, energy),
                HeuristicFeatures.liveness(d)}) {
                assertTrue(value >= 0 && value <= 1, "out of range: " + value);
            }
        }
    }
}
