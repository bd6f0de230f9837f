package org.audotics.dsp.internal.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.ml.internal.Dl4jModelRuntime;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The whole analysis of each file (one after another on this thread), one JSON line per file with our raw
 * measures and the reported features, for the feature-scale benchmark ({@code benchmarks/accuracy/scale.sh}).
 * Arguments: files, or {@code @list} for a file naming one file per line.
 */
public final class FeatureFiles {

    private FeatureFiles() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination();
        }
    }

    private static void run(String[] args) throws Exception {
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@")) {
                Files.readAllLines(Path.of(arg.substring(1))).stream().filter(l -> !l.isBlank()).forEach(files::add);
            } else {
                files.add(arg);
            }
        }
        TrackAnalyzer analyzer = TrackAnalyzer.withModels(FeatureModels.load(new Dl4jModelRuntime()));
        for (String name : files) {
            String file = name.replace("\\", "\\\\").replace("\"", "\\\"");
            try {
                TrackAnalyzer.Analysis a = analyzer.analyze(Path.of(name), p -> { });
                AudioFeatures f = a.features();
                RawFeatures r = a.raw();
                System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"duration\":%.2f,\"tempo\":%.2f,\"mode\":%d,\"loudness\":%.2f,"
                        + "\"raw\":{\"energy\":%.5f,\"danceability\":%.5f,\"valence\":%.5f,\"acousticness\":%.5f},"
                        + "\"energy\":%.3f,\"danceability\":%.3f,\"valence\":%.3f,\"acousticness\":%.3f,"
                        + "\"speechiness\":%.3f,\"instrumentalness\":%.3f,\"liveness\":%.3f}%n",
                        file, a.signal().durationMs() / 1000.0, f.tempo(), f.mode(), f.loudness(), r.energy(), r.danceability(), r.valence(),
                        r.acousticness(), f.energy(), f.danceability(), f.valence(), f.acousticness(), f.speechiness(), f.instrumentalness(),
                        f.liveness());
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"error\":\"%s\"}%n", file, String.valueOf(e.getMessage()).replace("\"", "'"));
            }
        }
    }
}
