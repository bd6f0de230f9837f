package org.audotics.dsp.internal.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.audotics.dsp.internal.models.FeatureModels;
import org.audotics.dsp.internal.signal.SignalAnalysis;
import org.audotics.ml.api.Classifier;
import org.audotics.ml.api.ModelRuntime;
import org.audotics.ml.api.TrainingOptions;
import org.audotics.ml.api.TrainingSet;

/**
 * The training recipe of the shipped feature models (bundles/dsp/training/README.md): generate a corpus
 * ({@link TrainingCorpus}), analyse every clip with the real {@link SignalAnalysis}, hold out every fifth
 * clip, train the voice and acoustic networks with Deeplearning4j through the ml bundle's runtime,
 * report held-out accuracy, write the models into the bundle's resources.
 *
 * <p>Run: {@code bundles/dsp/training/train.sh} (arguments: corpus folder, clips per kind, seed).
 */
public final class TrainFeatureModels {

    static final TrainingOptions OPTIONS = new TrainingOptions(new int[] {32, 16}, 150, 2e-3, 1e-3, 7);

    private TrainFeatureModels() {
    }

    /** Descriptors of each clip with its kind. */
    public record Example(float[] descriptors, TrainingCorpus.Kind kind) {
    }

    public static void main(String[] args) throws Exception {
        Path corpusFolder = Path.of(args.length > 0 ? args[0] : "target/training-corpus");
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path models = Path.of(args.length > 3 ? args[3] : "src/main/resources/models");
        ModelRuntime runtime = new org.audotics.ml.internal.Dl4jModelRuntime();

        long started = System.nanoTime();
        List<Example> examples = analyse(new TrainingCorpus(corpusFolder, seed).generate(perKind));
        System.out.printf(Locale.ROOT, "corpus: %d clips generated and analysed in %.0f s%n", examples.size(), (System.nanoTime() - started) / 1e9);
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (i % 5 == 4 ? test : train).add(examples.get(i));
        }
        Classifier voice = runtime.train(voiceSet(train), OPTIONS);
        Classifier acoustic = runtime.train(acousticSet(train), OPTIONS);
        System.out.printf(Locale.ROOT, "held out (%d clips): voice accuracy %.3f, acoustic accuracy %.3f%n", test.size(),
                accuracy(voice, voiceSet(test)), accuracy(acoustic, acousticSet(test)));
        Files.createDirectories(models);
        save(voice, models.resolve(Path.of(FeatureModels.VOICE).getFileName()));
        save(acoustic, models.resolve(Path.of(FeatureModels.ACOUSTIC).getFileName()));
        System.out.println("models written to " + models.toAbsolutePath());
    }

    public static List<Example> analyse(List<TrainingCorpus.Clip> clips) {
        List<Example> examples = new ArrayList<>();
        for (TrainingCorpus.Clip clip : clips) {
            try {
                examples.add(new Example(SignalAnalysis.analyze(clip.file()).descriptors(), clip.kind()));
            } catch (org.audotics.dsp.api.UndecodableAudioException e) {
                // a generated piece can come out (nearly) silent, e.g. a sparse solo at low gain: not an example
                System.out.printf(Locale.ROOT, "skipped %s (%s): %s%n", clip.file().getFileName(), clip.kind(), e.getMessage());
            }
        }
        return examples;
    }

    /** Music (acoustic or electronic) 0, speech over music 1, speech 2. */
    public static TrainingSet voiceSet(List<Example> examples) {
        float[][] x = new float[examples.size()][];
        int[] y = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            x[i] = examples.get(i).descriptors();
            y[i] = switch (examples.get(i).kind()) {
                case SPEECH -> FeatureModels.SPEECH;
                case SPEECH_OVER_MUSIC -> FeatureModels.SPEECH_OVER_MUSIC;
                default -> FeatureModels.MUSIC;
            };
        }
        return new TrainingSet(x, y, 3);
    }

    /** Music only: electronic 0, acoustic 1 (speech is left out: espeak-ng's voice is itself synthetic). */
    public static TrainingSet acousticSet(List<Example> examples) {
        List<Example> music = examples.stream().filter(e -> e.kind() == TrainingCorpus.Kind.ACOUSTIC_MUSIC
                || e.kind() == TrainingCorpus.Kind.ELECTRONIC_MUSIC).toList();
        float[][] x = new float[music.size()][];
        int[] y = new int[music.size()];
        for (int i = 0; i < music.size(); i++) {
            x[i] = music.get(i).descriptors();
            y[i] = music.get(i).kind() == TrainingCorpus.Kind.ACOUSTIC_MUSIC ? 1 : 0;
        }
        return new TrainingSet(x, y, 2);
    }

    public static double accuracy(Classifier classifier, TrainingSet set) {
        int correct = 0;
        for (int i = 0; i < set.labels().length; i++) {
            float[] p = classifier.probabilities(set.features()[i]);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            correct += best == set.labels()[i] ? 1 : 0;
        }
        return correct / (double) set.labels().length;
    }

    private static void save(Classifier classifier, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            classifier.save(out);
        }
    }
}
