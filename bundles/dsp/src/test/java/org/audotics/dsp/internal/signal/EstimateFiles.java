package org.audotics.dsp.internal.signal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The signal analysis of each file (one after another on this thread), one JSON line per file: tempo,
 * key, mode and their confidences, the beat times and the CPU seconds it took, decoding included. Used by
 * the rendered-music and consistency benchmarks ({@code benchmarks/accuracy/rendered.sh}).
 *
 * <p>With {@code --details}, also the onset envelope and the chroma the estimates came from, so a method
 * can be developed over many files without decoding them again ({@code benchmarks/accuracy/develop.py}).
 * Arguments: [--details] then files, or {@code @list} for a file naming one file per line.
 */
public final class EstimateFiles {

    private EstimateFiles() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination();
        }
    }

    private static void run(String[] args) throws Exception {
        boolean details = false;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--details")) {
                details = true;
            } else if (arg.startsWith("@")) {
                Files.readAllLines(Path.of(arg.substring(1))).stream().filter(l -> !l.isBlank()).forEach(files::add);
            } else {
                files.add(arg);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!files.isEmpty()) {
            SignalAnalysis.analyze(Path.of(files.get(0))); // warm-up: JIT and JTransforms' plans
        }
        for (String name : files) {
            long cpu = threads.getCurrentThreadCpuTime();
            StringBuilder line = new StringBuilder();
            try {
                SignalAnalysis.Details d = SignalAnalysis.analyzeInDetail(Path.of(name), p -> { });
                double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                SignalFeatures s = d.features();
                StringJoiner beats = new StringJoiner(",", "[", "]");
                s.structure().beats().forEach(b -> beats.add(String.format(Locale.ROOT, "%.3f", b.start())));
                line.append(String.format(Locale.ROOT, "{\"file\":\"%s\",\"duration\":%.2f,\"cpu_seconds\":%.3f,\"tempo\":%.2f,\"tempo_confidence\":%.3f,"
                        + "\"key\":%d,\"mode\":%d,\"key_confidence\":%.3f,\"time_signature\":%d,\"beats\":%s",
                        json(name), s.durationMs() / 1000.0, seconds, s.tempo(), s.tempoConfidence(), s.key(), s.mode(), s.keyConfidence(),
                        s.timeSignature(), beats));
                if (details) {
                    line.append(String.format(Locale.ROOT, ",\"frame_rate\":%.5f,\"first_frame\":%.5f,\"chroma\":%s,\"bass_chroma\":%s,\"normalised_chroma\":%s,\"envelope\":%s",
                            d.envelope().frameRate(), d.envelope().firstFrameSeconds(), array(d.chroma(), "%.6g"), array(d.bassChroma(), "%.6g"),
                            array(d.normalisedChroma(), "%.6g"), array(d.envelope().values(), "%.2f")));
                }
                line.append('}');
            } catch (RuntimeException e) {
                line.setLength(0);
                line.append(String.format(Locale.ROOT, "{\"file\":\"%s\",\"error\":\"%s\"}", json(name), json(String.valueOf(e.getMessage()))));
            }
            System.out.println(line);
        }
    }

    private static String array(double[] values, String format) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (double v : values) {
            out.add(String.format(Locale.ROOT, format, v));
        }
        return out.toString();
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
