package org.audotics.dsp.internal.signal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-file signal analysis of a 3-minute 44.1 kHz 16-bit stereo WAV on one thread: decoding, loudness,
 * tempo, key, beats, meter, segments, sections and the track descriptors (the learned and heuristic
 * features that follow take microseconds; benchmarks/accuracy/run.sh times the whole analyser on real files). Seconds of audio per second of CPU = 180 / the reported time in seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class SignalAnalysisBenchmark {

    static final float RATE = 44_100;
    static final int SECONDS = 180;

    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("audotics-bench", ".wav");
        int frames = (int) (RATE * SECONDS);
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        Random noise = new Random(1);
        double beat = 60.0 / 124 * RATE;
        for (int i = 0; i < frames; i++) {
            double t = i / RATE;
            double sinceBeat = (i % beat) / RATE;
            double value = 0.6 * Math.exp(-sinceBeat * 25) * Math.sin(2 * Math.PI * 60 * sinceBeat)
                    + 0.1 * (Math.sin(2 * Math.PI * 261.63 * t) + Math.sin(2 * Math.PI * 329.63 * t) + Math.sin(2 * Math.PI * 392.0 * t))
                    + 0.02 * (noise.nextDouble() * 2 - 1);
            short sample = (short) Math.round(Math.max(-1, Math.min(1, value)) * 32767);
            data.putShort(sample).putShort(sample);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(data.array()), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public SignalFeatures analyzeThreeMinutes() {
        return SignalAnalysis.analyze(file);
    }
}
