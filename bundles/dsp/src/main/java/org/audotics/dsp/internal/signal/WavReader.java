package org.audotics.dsp.internal.signal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.audotics.dsp.api.UndecodableAudioException;
import org.audotics.dsp.api.UnsupportedAudioFormatException;

/**
 * Reads a WAV (or AIFF/AU) file block by block as floats per channel, so a long file is never held in
 * memory. Uses the JDK's own parser ({@code javax.sound.sampled}); samples are converted by
 * {@link SampleConverter}.
 */
final class WavReader implements Closeable {

    private final AudioInputStream stream;
    private final SampleConverter converter;
    private final int channels;
    private final float sampleRate;
    private byte[] buffer = new byte[0];

    private WavReader(AudioInputStream stream) {
        AudioFormat format = stream.getFormat();
        this.stream = stream;
        this.converter = new SampleConverter(format);
        this.channels = format.getChannels();
        this.sampleRate = format.getSampleRate();
        if (channels < 1 || sampleRate < 8_000 || sampleRate > 384_000) {
            throw new UnsupportedAudioFormatException("unsupported channel count or sample rate: " + channels + " ch, " + sampleRate + " Hz");
        }
    }

    /**
     * @throws UnsupportedAudioFormatException when the file is not a PCM WAV/AIFF/AU file
     * @throws UndecodableAudioException       when it cannot be read
     */
    static WavReader open(Path file) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return new WavReader(AudioSystem.getAudioInputStream(in));
        } catch (UnsupportedAudioFileException e) {
            closeQuietly(in);
            throw new UnsupportedAudioFormatException("not a WAV file the decoder understands: " + file.getFileName());
        } catch (IOException e) {
            closeQuietly(in);
            throw new UndecodableAudioException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    int channels() {
        return channels;
    }

    float sampleRate() {
        return sampleRate;
    }

    /**
     * Reads up to {@code block[0].length} frames into {@code block[channel][frame]}.
     *
     * @return frames read, or -1 at the end
     * @throws UndecodableAudioException when the data cannot be read (e.g. a truncated file)
     */
    int read(float[][] block) {
        int frameBytes = channels * converter.bytesPerSample();
        int wanted = block[0].length * frameBytes;
        if (buffer.length < wanted) {
            buffer = new byte[wanted];
        }
        try {
            int filled = 0;
            while (filled < wanted) {
                int read = stream.read(buffer, filled, wanted - filled);
                if (read < 0) {
                    break;
                }
                filled += read;
            }
            int frames = filled / frameBytes;
            if (frames == 0) {
                return -1;
            }
            for (int frame = 0; frame < frames; frame++) {
                for (int channel = 0; channel < channels; channel++) {
                    block[channel][frame] = converter.sample(buffer, (frame * channels + channel) * converter.bytesPerSample());
                }
            }
            return frames;
        } catch (IOException e) {
            throw new UndecodableAudioException("audio data cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(stream);
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
