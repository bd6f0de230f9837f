package org.audotics.dsp.internal.models;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.signal.SignalFeatures;
import org.audotics.ml.internal.Dl4jModelRuntime;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The whole analysis (decoding, every measurement, the learned and heuristic features) of each file
 * named on the command line, one after another on this thread, printing one JSON line per file with the
 * CPU seconds it took and the peak heap while it ran. Used by {@code benchmarks/accuracy/run.sh}.
 *
 * <p>With {@code --pool=N} first, analyses the files on N threads at once instead (as the server's
 * worker pool does) and prints only the throughput: seconds of audio per wall-clock second.
 *
 * <p>Exits as soon as the last file is done: JTransforms runs large transforms on JLargeArrays' shared
 * cached pool, whose threads are not daemons and would keep the JVM alive for their 60 s idle timeout.
 */
public final class AnalyseFiles {

    private AnalyseFiles() {
    }

    public static void main(String[] args) throws Exception {
        try {
            analyse(args);
        } finally {
            ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination();
        }
    }

    private static void analyse(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TrackAnalyzer analyzer = TrackAnalyzer.withModels(FeatureModels.load(new Dl4jModelRuntime()));
        if (args.length > 0 && args[0].startsWith("--pool=")) {
            pool(analyzer, Integer.parseInt(args[0].substring(7)), java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0) {
            analyzer.analyze(Path.of(args[0]), p -> { }); // warm-up: JIT and the native math libraries
        }
        for (String arg : args) {
            Path file = Path.of(arg);
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu = threads.getCurrentThreadCpuTime();
            try {
                TrackAnalyzer.Analysis analysis = analyzer.analyze(file, p -> { });
                double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                SignalFeatures s = analysis.signal();
                AudioFeatures f = analysis.features();
                System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"duration\":%.2f,\"cpu_seconds\":%.3f,\"peak_heap_mb\":%.1f,\"tempo\":%.2f,"
                        + "\"key\":%d,\"mode\":%d,\"loudness\":%.2f,\"time_signature\":%d,\"energy\":%.3f,\"danceability\":%.3f,"
                        + "\"speechiness\":%.3f,\"instrumentalness\":%.3f,\"acousticness\":%.3f,\"beats\":%d,\"sections\":%d,\"segments\":%d}%n",
                        arg.replace("\"", "\\\""), s.durationMs() / 1000.0, seconds, peakHeapMb(), f.tempo(), f.key(), f.mode(), f.loudness(),
                        f.timeSignature(), f.energy(), f.danceability(), f.speechiness(), f.instrumentalness(), f.acousticness(),
                        s.structure().beats().size(), s.structure().sections().size(), s.structure().segments().size());
            } catch (IllegalArgumentException e) {
                System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"error\":\"%s\"}%n", arg, e.getMessage().replace("\"", "'"));
            }
        }
    }

    private static void pool(TrackAnalyzer analyzer, int threads, String[] files) throws Exception {
        analyzer.analyze(Path.of(files[0]), p -> { }); // warm-up
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.DoubleAdder audio = new java.util.concurrent.atomic.DoubleAdder();
        long started = System.nanoTime();
        for (String file : files) {
            pool.execute(() -> {
                try {
                    audio.add(analyzer.analyze(Path.of(file), p -> { }).signal().durationMs() / 1000.0);
                } catch (IllegalArgumentException skipped) {
                    // counted by the one-thread run
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        double wall = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"threads\":%d,\"audio_seconds\":%.1f,\"wall_seconds\":%.2f,\"realtime_factor\":%.1f}%n",
                threads, audio.sum(), wall, audio.sum() / wall);
    }

    /** Peak use of the heap pools since their last reset: an upper bound of what this file needed, garbage included. */
    private static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
