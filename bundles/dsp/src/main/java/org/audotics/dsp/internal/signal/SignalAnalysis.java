package org.audotics.dsp.internal.signal;

import java.nio.file.Path;
import java.util.List;
import org.audotics.dsp.api.UndecodableAudioException;

/**
 * One streaming pass over an audio file feeding every measurement at once: loudness on the channels,
 * onset strength (short frames: ~23 ms, hop a quarter of that) for tempo and beats, a chromagram (long
 * frames: ~186 ms, for semitone resolution at low notes) for key, and the timeline of medium frames
 * (~46 ms, hop half that) for segments, sections and the track descriptors. The decoded signal is never
 * held: memory is the frames plus the onset envelope and timeline, about 25 MB per hour of audio.
 * After the pass come the whole-track estimates: tempo, key, beats, meter, segments, sections,
 * descriptors.
 */
public final class SignalAnalysis {

    /** Version of the analysis method, stored with every result so results of different versions can be told apart. */
    public static final String VERSION = "0.4.0";

    /** Shorter audio has too few beats for a tempo or a meaningful loudness. */
    static final double MIN_SECONDS = 2;
    private static final int BLOCK_FRAMES = 8192;

    private SignalAnalysis() {
    }

    /**
     * @throws org.audotics.dsp.api.UnsupportedAudioFormatException for files of an unsupported format
     * @throws UndecodableAudioException for unreadable, too short or silent audio
     */
    public static SignalFeatures analyze(Path file) {
        return analyze(file, progress -> { });
    }

    /** As {@link #analyze(Path)}, telling {@code progress} (0..1) after every block. */
    public static SignalFeatures analyze(Path file, java.util.function.DoubleConsumer progress) {
        return analyzeInDetail(file, progress).features();
    }

    /** The features with what the tempo and key were estimated from, for the accuracy tools (benchmarks/accuracy). */
    record Details(SignalFeatures features, OnsetEnvelope envelope, double[] chroma, double[] bassChroma, double[] normalisedChroma) {
    }

    static Details analyzeInDetail(Path file, java.util.function.DoubleConsumer progress) {
        try (AudioReader reader = AudioReader.open(file)) {
            double rate = reader.sampleRate();
            LoudnessMeter loudness = new LoudnessMeter(rate, reader.channels());
            int onsetSize = SpectralFrames.sizeFor(rate, 0.023);
            int onsetHop = onsetSize / 4;
            OnsetStrength onsets = new OnsetStrength(rate, onsetSize);
            SpectralFrames onsetFrames = new SpectralFrames(onsetSize, onsetHop, onsets);
            int chromaSize = SpectralFrames.sizeFor(rate, 0.186);
            Chromagram chromagram = new Chromagram(rate, chromaSize);
            SpectralFrames chromaFrames = new SpectralFrames(chromaSize, chromaSize / 2, chromagram);
            int timelineSize = SpectralFrames.sizeFor(rate, 0.046);
            Timeline timeline = new Timeline(rate, timelineSize, timelineSize / 2);
            SpectralFrames timelineFrames = new SpectralFrames(timelineSize, timelineSize / 2, timeline);

            float[][] block = new float[reader.channels()][BLOCK_FRAMES];
            long total = 0;
            int frames;
            while ((frames = reader.read(block)) > 0) {
                loudness.accept(block, frames);
                onsetFrames.accept(block, frames);
                chromaFrames.accept(block, frames);
                timelineFrames.accept(block, frames);
                total += frames;
                progress.accept(reader.progress());
            }
            double seconds = total / rate;
            if (seconds < MIN_SECONDS) {
                throw new UndecodableAudioException(String.format("audio is %.1f s long; at least %.0f s are needed", seconds, MIN_SECONDS), null);
            }
            double integrated = loudness.integratedLoudness();
            if (Double.isInfinite(integrated)) {
                throw new UndecodableAudioException("audio is silent", null);
            }
            OnsetEnvelope envelope = new OnsetEnvelope(onsets.envelope(), rate / onsetHop, onsetSize / 2.0 / rate);
            TempoEstimator.Estimate tempo = TempoEstimator.estimate(envelope.values(), envelope.frameRate());
            KeyEstimator.Estimate key = KeyEstimator.estimate(chromagram.chroma(), chromagram.bassChroma());
            Rhythm rhythm = Rhythm.of(envelope, timeline, tempo.bpm(), seconds);
            int[] onsetPeaks = envelope.onsets();
            List<Segment> segments = Segmenter.segments(envelope, onsetPeaks, timeline, seconds);
            List<Section> sections = Sectioner.sections(timeline, envelope, seconds, tempo, rhythm.meter());
            float[] descriptors = Descriptors.of(timeline, onsetPeaks.length, seconds, tempo, key, rhythm, integrated);
            return new Details(new SignalFeatures(Math.round(seconds * 1000), integrated, tempo.bpm(), tempo.confidence(),
                    key.key(), key.mode(), key.confidence(), rhythm.meter().beatsPerBar(), rhythm.meter().confidence(), descriptors,
                    new TrackStructure(rhythm.bars(), rhythm.beats(), rhythm.tatums(), sections, segments)), envelope, chromagram.chroma(),
                    chromagram.bassChroma(), chromagram.normalisedChroma());
        }
    }
}
