package org.audotics.dsp.internal.training;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders pieces of known tempo, key and mode with fluidsynth (see {@link TrainingCorpus}) for the
 * accuracy benchmark ({@code benchmarks/accuracy/run.sh}): tempos 64..184 BPM, all 24 keys in turn,
 * acoustic and electronic instruments alternating. Prints one line per piece: file, BPM, key, mode.
 *
 * <p>Arguments: folder, number of pieces (24), seed (7).
 */
public final class KnownTruthPieces {

    private KnownTruthPieces() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/known-truth");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        TrainingCorpus corpus = new TrainingCorpus(folder, seed);
        for (int i = 0; i < count; i++) {
            double bpm = 64 + (i * 37) % 121;
            TrainingCorpus.Truth truth = new TrainingCorpus.Truth(bpm, (i * 7) % 12, i % 4 < 2);
            Path file = corpus.renderPiece(i % 2 == 0, truth, 30);
            System.out.printf(Locale.ROOT, "%s\t%.1f\t%d\t%d%n", file.toAbsolutePath(), bpm, truth.tonic(), truth.major() ? 1 : 0);
        }
    }
}
