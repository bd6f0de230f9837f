package org.audotics.dsp.internal.training;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Generates labelled audio for the feature models from Debian tools only, no recordings:
 * <ul>
 *   <li>speech: espeak-ng, many voices, languages, speeds and pitches;</li>
 *   <li>acoustic music: random MIDI pieces (chords, melody, bass, sometimes an acoustic drum kit) played by
 *       acoustic General MIDI instruments (piano, guitars, strings, winds, brass), rendered by fluidsynth
 *       with the FluidR3 soundfont;</li>
 *   <li>electronic music: the same kind of pieces on synth leads, pads, synth bass, electric guitars and an
 *       electronic drum kit;</li>
 *   <li>speech over music: a speech clip mixed over a music clip, 4..14 dB louder than the music.</li>
 * </ul>
 * The same seed gives the same corpus (up to the tools' versions).
 */
public final class TrainingCorpus {

    public enum Kind { SPEECH, ACOUSTIC_MUSIC, ELECTRONIC_MUSIC, SPEECH_OVER_MUSIC }

    public record Clip(Path file, Kind kind) {
    }

    static final String SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
    private static final int RATE = 22_050;
    private static final int[] ACOUSTIC_PROGRAMS = {0, 1, 6, 21, 24, 25, 32, 40, 41, 42, 43, 46, 48, 56, 57, 60, 65, 68, 70, 71, 73, 74};
    private static final int[] ELECTRONIC_PROGRAMS = {27, 29, 30, 38, 39, 62, 63, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 94, 95, 98, 99};
    private static final int[] ACOUSTIC_BASS = {32, 33, 43};
    private static final int[] ELECTRONIC_BASS = {38, 39, 87};
    private static final String[] VOICES = {"en", "en-us", "en-gb-scotland", "en-gb-x-rp", "de", "fr", "es", "it", "nl", "pt", "pl", "sv"};
    private static final String[] VARIANTS = {"", "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+f1", "+f2", "+f3", "+f4", "+f5", "+klatt", "+klatt2",
        "+Andy", "+Annie", "+david", "+Gene", "+Jacky", "+Michael"};
    private static final String[] SENTENCES = {
        "The weather today will be mostly sunny with a light breeze from the west.",
        "Please remember to bring your ticket and a form of identification to the desk.",
        "In this episode we talk about how small changes in routine add up over a year.",
        "The committee met on Tuesday to discuss the budget for the coming season.",
        "Turn left at the second crossing and the station will be on your right.",
        "Scientists have found that sleep plays a large part in forming long term memories.",
        "Welcome back to the show, today we have a very special guest in the studio.",
        "The recipe calls for two cups of flour, one egg and a pinch of salt.",
        "Our next train to the city centre leaves from platform four in ten minutes.",
        "History tells us that every great library began with a single shelf of books.",
        "If you have any questions about your order, our team is happy to help.",
        "The river rose overnight and several roads near the valley were closed.",
        "She opened the letter slowly, read it twice, and then laughed out loud.",
        "Numbers alone never tell the whole story, so let us look at the people behind them.",
        "This morning the market opened higher after a quiet week of trading.",
        "Listen carefully, because I am only going to explain the rules of the game once.",
        "Der Zug nach Berlin hat heute leider eine Verspätung von zwanzig Minuten.",
        "Nous allons parler ce soir de la musique et de la mémoire.",
        "El concierto empieza a las ocho y las puertas abren media hora antes."};

    private final Path folder;
    private final Random random;
    private int counter;

    public TrainingCorpus(Path folder, long seed) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.random = new Random(seed);
    }

    /** True when espeak-ng, fluidsynth and the soundfont are installed (.ci/run installs them). */
    public static boolean toolsAvailable() {
        return Files.exists(Path.of(SOUNDFONT)) && onPath("espeak-ng") && onPath("fluidsynth");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** {@code perKind} clips of every kind, about 12 s each. */
    public List<Clip> generate(int perKind) throws IOException, InterruptedException {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            clips.add(new Clip(speech(12), Kind.SPEECH));
            clips.add(new Clip(music(true, 12), Kind.ACOUSTIC_MUSIC));
            clips.add(new Clip(music(false, 12), Kind.ELECTRONIC_MUSIC));
            Path music = music(random.nextBoolean(), 12);
            Path speech = speech(12);
            clips.add(new Clip(mix(speech, music, 4 + 10 * random.nextDouble()), Kind.SPEECH_OVER_MUSIC));
        }
        return clips;
    }

    private Path next(String suffix) {
        return folder.resolve(String.format("clip-%05d.%s", counter++, suffix));
    }

    private Path speech(double seconds) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        int words = (int) (seconds * 2.6);
        while (text.toString().split(" ").length < words) {
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        }
        Path out = next("wav");
        String voice = VOICES[random.nextInt(VOICES.length)] + VARIANTS[random.nextInt(VARIANTS.length)];
        run("espeak-ng", "-v", voice, "-s", String.valueOf(130 + random.nextInt(90)), "-p", String.valueOf(25 + random.nextInt(50)),
                "-g", String.valueOf(random.nextInt(6)), "-w", out.toString(), text.toString());
        return trim(out, seconds);
    }

    /** A piece of known tempo and key, for accuracy measurements (the arrangement is still random). */
    public record Truth(double bpm, int tonic, boolean major) {
    }

    /** Renders one piece with the given tempo (BPM), tonic (pitch class 0..11) and mode. */
    public Path renderPiece(boolean acoustic, Truth truth, double seconds) throws IOException, InterruptedException {
        return music(acoustic, seconds, truth);
    }

    private Path music(boolean acoustic, double seconds) throws IOException, InterruptedException {
        return music(acoustic, seconds, null);
    }

    private Path music(boolean acoustic, double seconds, Truth truth) throws IOException, InterruptedException {
        Path midi = next("mid");
        writePiece(midi, acoustic, seconds, truth);
        Path out = next("wav");
        run("fluidsynth", "-ni", "-q", "-g", String.valueOf(0.3 + 0.7 * random.nextDouble()), "-r", String.valueOf(RATE), "-F", out.toString(),
                SOUNDFONT, midi.toString());
        Files.delete(midi);
        return trim(out, seconds);
    }

    /**
     * A random piece: usually a diatonic chord progression, a melody over it, a bass line and sometimes
     * drums; one in six is drums alone and one in six a solo melody, so sparse and unpitched music is
     * represented too.
     */
    private void writePiece(Path file, boolean acoustic, double seconds, Truth truth) throws IOException {
        try {
            int ppq = 480;
            Sequence sequence = new Sequence(Sequence.PPQ, ppq);
            Track track = sequence.createTrack();
            double drawnBpm = 70 + random.nextInt(90); // drawn even when given, so a seed always gives the same corpus
            double bpm = truth == null ? drawnBpm : truth.bpm();
            int microsPerBeat = (int) (60_000_000 / bpm);
            track.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (microsPerBeat >> 16), (byte) (microsPerBeat >> 8), (byte) microsPerBeat}, 3), 0));
            int[] programs = acoustic ? ACOUSTIC_PROGRAMS : ELECTRONIC_PROGRAMS;
            int chordProgram = programs[random.nextInt(programs.length)];
            int melodyProgram = programs[random.nextInt(programs.length)];
            int bassProgram = (acoustic ? ACOUSTIC_BASS : ELECTRONIC_BASS)[random.nextInt(3)];
            program(track, 0, chordProgram);
            program(track, 1, melodyProgram);
            program(track, 2, bassProgram);
            double arrangement = random.nextDouble();
            boolean drumsOnly = truth == null && arrangement < 1 / 6.0; // a piece of known key needs pitches
            boolean solo = !drumsOnly && arrangement < 2 / 6.0;
            boolean drums = drumsOnly || (!solo && random.nextDouble() < 0.6);
            if (drums) {
                program(track, 9, acoustic ? (random.nextBoolean() ? 0 : 32) : (random.nextBoolean() ? 24 : 25));
            }
            int drawnTonic = 48 + random.nextInt(12);
            boolean drawnMajor = random.nextBoolean();
            int tonic = truth == null ? drawnTonic : 48 + truth.tonic();
            boolean major = truth == null ? drawnMajor : truth.major();
            int[] scale = major ? new int[] {0, 2, 4, 5, 7, 9, 11} : new int[] {0, 2, 3, 5, 7, 8, 10};
            int beats = (int) Math.ceil(seconds * bpm / 60) + 4;
            int[] progression = {0, 3, 4, 0, 5, 3, 4, 0, 1, 4};
            int start = random.nextInt(4);
            for (int beat = 0; beat < beats; beat += 4) {
                int degree = progression[(start + beat / 4) % progression.length];
                long tick = (long) beat * ppq;
                boolean chordsPlay = !drumsOnly && !solo && random.nextDouble() < 0.85;
                for (int voice = 0; voice < 3 && chordsPlay; voice++) {
                    int step = degree + 2 * voice;
                    int note = tonic + 12 + scale[step % 7] + 12 * (step / 7);
                    note(track, 0, note, 50 + random.nextInt(40), tick, 4L * ppq - 20);
                }
                int bassNote = tonic - 12 + scale[degree % 7];
                for (int b = 0; b < 4 && !drumsOnly && !solo; b += random.nextBoolean() ? 1 : 2) {
                    note(track, 2, bassNote, 70 + random.nextInt(30), tick + (long) b * ppq, ppq - 30);
                }
                for (int m = 0; m < 8 && !drumsOnly; m++) {
                    if (random.nextDouble() < 0.7) {
                        int step = random.nextInt(10);
                        int note = tonic + 24 + scale[step % 7] + 12 * (step / 7);
                        note(track, 1, note, 60 + random.nextInt(50), tick + (long) m * ppq / 2, ppq / 2 - 10);
                    }
                }
                for (int d = 0; drums && d < 8; d++) {
                    long at = tick + (long) d * ppq / 2;
                    note(track, 9, 42, 50 + random.nextInt(30), at, 60);
                    if (drumsOnly && random.nextDouble() < 0.3) {
                        note(track, 9, 45 + random.nextInt(6), 70 + random.nextInt(40), at, 100); // toms and fills
                    }
                    if (d % 4 == 0) {
                        note(track, 9, 36, 100, at, 100);
                    } else if (d % 4 == 2) {
                        note(track, 9, 38, 90, at, 100);
                    }
                }
            }
            MidiSystem.write(sequence, 1, file.toFile());
        } catch (javax.sound.midi.InvalidMidiDataException e) {
            throw new IOException(e);
        }
    }

    private static void program(Track track, int channel, int program) throws javax.sound.midi.InvalidMidiDataException {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
    }

    private static void note(Track track, int channel, int note, int velocity, long tick, long length) throws javax.sound.midi.InvalidMidiDataException {
        int n = Math.max(0, Math.min(127, note));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n, Math.min(127, velocity)), tick));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n, 0), tick + length));
    }

    /** Speech level {@code db} above the music's (RMS), then scaled to avoid clipping. */
    private Path mix(Path speech, Path music, double db) throws IOException {
        float[] s = mono(speech);
        float[] m = mono(music);
        int n = Math.min(s.length, m.length);
        double gain = rms(s, n) / Math.max(1e-9, rms(m, n)) * Math.pow(10, -db / 20);
        float[] mixed = new float[n];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            mixed[i] = (float) (s[i] + gain * m[i]);
            peak = Math.max(peak, Math.abs(mixed[i]));
        }
        for (int i = 0; peak > 0.95 && i < n; i++) {
            mixed[i] *= (float) (0.95 / peak);
        }
        Files.delete(speech);
        Files.delete(music);
        Path out = next("wav");
        write(out, mixed);
        return out;
    }

    private static double rms(float[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, n));
    }

    /** Cuts a file to at most {@code seconds}, as 16-bit mono at the corpus rate. */
    private Path trim(Path file, double seconds) throws IOException {
        float[] samples = mono(file);
        int keep = (int) Math.min(samples.length, seconds * RATE);
        write(file, java.util.Arrays.copyOf(samples, keep));
        return file;
    }

    private static float[] mono(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getSampleRate() != RATE || format.getSampleSizeInBits() != 16) {
                throw new IOException(file + ": expected 16-bit audio at " + RATE + " Hz, got " + format);
            }
            byte[] bytes = in.readAllBytes();
            int channels = format.getChannels();
            boolean big = format.isBigEndian();
            int frames = bytes.length / (2 * channels);
            float[] samples = new float[frames];
            for (int i = 0; i < frames; i++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    int at = 2 * (i * channels + c);
                    int value = big ? (bytes[at] << 8) | (bytes[at + 1] & 0xff) : (bytes[at + 1] << 8) | (bytes[at] & 0xff);
                    sum += value / 32768.0;
                }
                samples[i] = (float) (sum / channels);
            }
            return samples;
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, float[] samples) throws IOException {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int value = (int) Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767);
            bytes[2 * i] = (byte) value;
            bytes[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new java.io.ByteArrayInputStream(bytes), format, samples.length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("failed: " + String.join(" ", command));
        }
    }
}
