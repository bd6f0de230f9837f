package org.audotics.dsp.internal.signal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Test signals with known ground truth, and WAV files of them. */
public final class Signals {

    private Signals() {
    }

    static double dbfs(double db) {
        return Math.pow(10, db / 20);
    }

    /** A sine in every channel. */
    static float[][] sine(double frequency, double amplitude, double seconds, float sampleRate, int channels) {
        int frames = (int) Math.round(seconds * sampleRate);
        float[][] signal = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            float value = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate));
            for (int c = 0; c < channels; c++) {
                signal[c][i] = value;
            }
        }
        return signal;
    }

    static float[][] concat(float[][]... parts) {
        int channels = parts[0].length;
        int frames = 0;
        for (float[][] part : parts) {
            frames += part[0].length;
        }
        float[][] joined = new float[channels][frames];
        int at = 0;
        for (float[][] part : parts) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(part[c], 0, joined[c], at, part[c].length);
            }
            at += part[0].length;
        }
        return joined;
    }

    /** A click track: 20 ms decaying 1.5 kHz bursts on every beat. */
    static float[][] clicks(double bpm, double seconds, float sampleRate) {
        int frames = (int) (seconds * sampleRate);
        float[][] signal = new float[1][frames];
        double period = 60.0 / bpm * sampleRate;
        for (double start = 0; start < frames; start += period) {
            int s = (int) Math.round(start);
            for (int i = 0; i < 0.02 * sampleRate && s + i < frames; i++) {
                double t = i / sampleRate;
                signal[0][s + i] += (float) (0.8 * Math.exp(-t * 200) * Math.sin(2 * Math.PI * 1500 * t));
            }
        }
        return signal;
    }

    /**
     * A drum pattern: kick (low thump) on beats 1 and 3, snare (noise burst) on 2 and 4, closed hi-hat
     * (short high-passed noise, quieter) on every eighth note.
     */
    public static float[][] drums(double bpm, double seconds, float sampleRate, long seed) {
        java.util.Random noise = new java.util.Random(seed);
        int frames = (int) (seconds * sampleRate);
        float[][] signal = new float[1][frames];
        double beat = 60.0 / bpm * sampleRate;
        int eighth = 0;
        for (double start = 0; start < frames; start += beat / 2, eighth++) {
            int s = (int) Math.round(start);
            boolean onBeat = eighth % 2 == 0;
            int beatIndex = eighth / 2;
            double previousNoise = 0;
            for (int i = 0; i < 0.15 * sampleRate && s + i < frames; i++) {
                double t = i / sampleRate;
                double white = noise.nextDouble() * 2 - 1;
                double value = 0.15 * Math.exp(-t * 120) * (white - previousNoise) / 2; // hi-hat: differenced noise is high-passed
                previousNoise = white;
                if (onBeat && beatIndex % 2 == 0) {
                    value += 0.9 * Math.exp(-t * 25) * Math.sin(2 * Math.PI * (60 + 80 * Math.exp(-t * 30)) * t); // kick
                } else if (onBeat) {
                    value += 0.5 * Math.exp(-t * 35) * (noise.nextDouble() * 2 - 1); // snare
                }
                signal[0][s + i] += (float) value;
            }
        }
        return signal;
    }

    /** Notes (MIDI numbers) sounded together for {@code seconds}, each with three decaying harmonics. */
    static float[][] chord(int[] midiNotes, double seconds, float sampleRate) {
        int frames = (int) (seconds * sampleRate);
        float[][] signal = new float[1][frames];
        for (int note : midiNotes) {
            double f = 440 * Math.pow(2, (note - 69) / 12.0);
            for (int i = 0; i < frames; i++) {
                double t = i / sampleRate;
                double value = Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(4 * Math.PI * f * t) + 0.25 * Math.sin(6 * Math.PI * f * t);
                signal[0][i] += (float) (0.15 * value);
            }
        }
        return signal;
    }

    /** Writes a WAV file with the given sample format. */
    public static Path wav(Path file, float[][] signal, float sampleRate, AudioFormat.Encoding encoding, int bits) throws IOException {
        int channels = signal.length;
        int frames = signal[0].length;
        int bytes = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : signal) {
                double v = Math.max(-1, Math.min(1, channel[i]));
                if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
                    data.putFloat((float) v);
                } else if (bits == 8) {
                    data.put((byte) (Math.round(v * 127) + 128));
                } else {
                    long max = (1L << (bits - 1)) - 1;
                    long value = Math.round(v * max);
                    for (int b = 0; b < bytes; b++) {
                        data.put((byte) (value >> (8 * b)));
                    }
                }
            }
        }
        AudioFormat format = new AudioFormat(encoding, sampleRate, bits, channels, bytes * channels, sampleRate, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(data.array()), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Clicks with a louder, lower click on the first beat of every bar of {@code beatsPerBar} beats. */
    static float[][] accentedClicks(double bpm, int beatsPerBar, double seconds, float sampleRate) {
        int frames = (int) (seconds * sampleRate);
        float[][] signal = new float[1][frames];
        double period = 60.0 / bpm * sampleRate;
        int beat = 0;
        for (double start = 0; start < frames; start += period, beat++) {
            int s = (int) Math.round(start);
            boolean downbeat = beat % beatsPerBar == 0;
            double frequency = downbeat ? 700 : 1500;
            double amplitude = downbeat ? 0.9 : 0.35;
            for (int i = 0; i < 0.05 * sampleRate && s + i < frames; i++) {
                double t = i / sampleRate;
                signal[0][s + i] += (float) (amplitude * Math.exp(-t * 80) * Math.sin(2 * Math.PI * frequency * t));
            }
        }
        return signal;
    }

    /** Plucked notes (MIDI numbers) starting every {@code secondsEach}, each decaying. */
    public static float[][] notes(int[] midiNotes, double secondsEach, float sampleRate) {
        int each = (int) (secondsEach * sampleRate);
        float[][] signal = new float[1][each * midiNotes.length];
        for (int n = 0; n < midiNotes.length; n++) {
            double f = 440 * Math.pow(2, (midiNotes[n] - 69) / 12.0);
            for (int i = 0; i < each; i++) {
                double t = i / sampleRate;
                double value = Math.exp(-t * 4) * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t));
                signal[0][n * each + i] = (float) (0.5 * value);
            }
        }
        return signal;
    }

    /** Noise whose level is modulated at {@code hz} (4 Hz imitates the syllable rate of speech). */
    static float[][] modulatedNoise(double hz, double seconds, float sampleRate, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int frames = (int) (seconds * sampleRate);
        float[][] signal = new float[1][frames];
        for (int i = 0; i < frames; i++) {
            double level = 0.5 + 0.5 * Math.sin(2 * Math.PI * hz * i / sampleRate);
            signal[0][i] = (float) (0.3 * level * level * (random.nextDouble() * 2 - 1));
        }
        return signal;
    }

    public static float[][] scaled(float[][] signal, double gain) {
        float[][] out = new float[signal.length][];
        for (int c = 0; c < signal.length; c++) {
            out[c] = signal[c].clone();
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] *= (float) gain;
            }
        }
        return out;
    }
}
