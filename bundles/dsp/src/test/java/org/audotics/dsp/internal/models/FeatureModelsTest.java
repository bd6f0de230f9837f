package org.audotics.dsp.internal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.signal.HeuristicFeatures;
import org.audotics.dsp.internal.signal.Signals;
import org.audotics.dsp.internal.training.TrainFeatureModels;
import org.audotics.dsp.internal.training.TrainingCorpus;
import org.audotics.ml.internal.Dl4jModelRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped models, loaded through the real DL4J runtime, on a corpus generated afresh with a seed the
 * training never saw. Accuracy floors sit below the figures measured at training (docs/dsp.md), so a
 * retraining that gets worse, or a change to the descriptors without a retraining, fails here.
 */
class FeatureModelsTest {

    private static FeatureModels models;

    @TempDir
    static Path corpus;

    @BeforeAll
    static void load() throws Exception {
        models = FeatureModels.load(new Dl4jModelRuntime());
    }

    @Test
    void separatesSpeechMusicAndAcousticInstrumentsOnUnseenClips() throws Exception {
        assumeTrue(TrainingCorpus.toolsAvailable(), "espeak-ng, fluidsynth and fluid-soundfont-gm are needed (.ci/run installs them)");
        List<TrainFeatureModels.Example> examples = TrainFeatureModels.analyse(new TrainingCorpus(corpus, 20_241_125).generate(12));
        int voiceCorrect = 0;
        int acousticCorrect = 0;
        int music = 0;
        for (TrainFeatureModels.Example example : examples) {
            float[] d = example.descriptors();
            FeatureModels.Learned learned = models.estimate(d);
            double speechiness = learned.speechiness();
            double instrumentalness = learned.instrumentalness();
            boolean right = switch (example.kind()) {
                case SPEECH -> speechiness > 0.66;
                case SPEECH_OVER_MUSIC -> speechiness >= 0.33 && speechiness <= 0.66 + 0.2 && instrumentalness < 0.5;
                default -> speechiness < 0.33 && instrumentalness > 0.5;
            };
            voiceCorrect += right ? 1 : 0;
            if (example.kind() == TrainingCorpus.Kind.ACOUSTIC_MUSIC || example.kind() == TrainingCorpus.Kind.ELECTRONIC_MUSIC) {
                music++;
                boolean acoustic = learned.acousticness() > 0.5;
                acousticCorrect += acoustic == (example.kind() == TrainingCorpus.Kind.ACOUSTIC_MUSIC) ? 1 : 0;
            }
        }
        double voiceAccuracy = voiceCorrect / (double) examples.size();
        double acousticAccuracy = acousticCorrect / (double) music;
        System.out.printf(java.util.Locale.ROOT, "shipped models on %d unseen clips: speech/music %.3f, acoustic/electronic %.3f (%d music clips)%n",
                examples.size(), voiceAccuracy, acousticAccuracy, music);
        assertTrue(voiceAccuracy >= 0.9, "speech/music accuracy " + voiceAccuracy);
        assertTrue(acousticAccuracy >= 0.65, "acoustic/electronic accuracy " + acousticAccuracy);
    }

    @Test
    void theAnalyzerFillsEveryFeatureInSpotifysRanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drums.wav");
        Signals.wav(file, Signals.drums(120, 20, 44_100, 9), 44_100, AudioFormat.Encoding.PCM_SIGNED, 16);
        TrackAnalyzer analyzer = TrackAnalyzer.withModels(models);
        AudioFeatures features = analyzer.analyze(file, progress -> { }).features();
        assertEquals(120, features.tempo(), 120 * 0.02);
        assertEquals(4, features.timeSignature());
        assertTrue(features.instrumentalness() > 0.5, "drums have no voice: " + features);
        assertTrue(features.speechiness() < 0.33, "drums are no speech: " + features);
        assertEquals(features, analyzer.analyze(file, progress -> { }).features(), "the same file gives the same features");
    }

    /** The mapping onto Spotify's scale keeps the orderings the raw measures promise, and the raw measures stay in the analysis. */
    @Test
    void loudDenseDrumsStayMoreEnergeticAndDanceableThanASoftPianoLineOnSpotifysScale(@TempDir Path dir) throws Exception {
        TrackAnalyzer analyzer = TrackAnalyzer.withModels(models);
        TrackAnalyzer.Analysis drums = analyzer.analyze(Signals.wav(dir.resolve("drums.wav"), Signals.drums(128, 20, 44_100, 3), 44_100,
                AudioFormat.Encoding.PCM_SIGNED, 16), progress -> { });
        float[][] line = Signals.scaled(Signals.notes(new int[] {60, 64, 67, 72, 67, 64, 62, 65, 69, 74, 69, 65, 60, 64, 67, 72}, 1.25, 44_100), 0.1);
        TrackAnalyzer.Analysis piano = analyzer.analyze(Signals.wav(dir.resolve("piano.wav"), line, 44_100, AudioFormat.Encoding.PCM_SIGNED, 16),
                progress -> { });
        assertTrue(drums.raw().energy() > piano.raw().energy(), "raw energy: drums " + drums.raw() + ", piano " + piano.raw());
        assertTrue(drums.features().energy() > piano.features().energy() + 0.2,
                "energy on Spotify's scale: drums " + drums.features().energy() + ", piano " + piano.features().energy());
        assertTrue(drums.features().danceability() > piano.features().danceability(),
                "danceability: drums " + drums.features().danceability() + ", piano " + piano.features().danceability());

        FeatureScale scale = FeatureScale.shipped();
        for (TrackAnalyzer.Analysis a : List.of(drums, piano)) {
            RawFeatures raw = a.raw();
            assertEquals(HeuristicFeatures.energy(a.signal().descriptors()), raw.energy(), 1e-12, "the raw energy is the formula's");
            assertEquals(HeuristicFeatures.danceability(a.signal().descriptors()), raw.danceability(), 1e-12);
            assertEquals(models.estimate(a.signal().descriptors()).acousticness(), raw.acousticness(), 1e-9);
            assertEquals(scale.map("energy", raw.energy()), a.features().energy(), 0.0005, "reported = mapped raw");
            assertEquals(scale.map("danceability", raw.danceability()), a.features().danceability(), 0.0005);
            assertEquals(scale.map("valence", raw.valence()), a.features().valence(), 0.0005);
            assertEquals(scale.map("acousticness", raw.acousticness()), a.features().acousticness(), 0.0005);
        }
    }
}
