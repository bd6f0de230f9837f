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
import javazoom.spi.mpeg.sampled.convert.MpegFormatConversionProvider;
import javazoom.spi.mpeg.sampled.file.MpegAudioFileReader;
import org.jflac.sound.spi.FlacAudioFileReader;
import org.jflac.sound.spi.FlacFormatConversionProvider;

/**
 * Reads an audio file block by block as floats per channel, so a long file is never held in memory.
 * WAV/AIFF/AU through the JDK's parser; FLAC (jFLAC) and MP3 (JLayer) through pure-Java decoders,
 * whose reader and converter classes are called directly rather than looked up as
 * {@code javax.sound} service providers (that lookup goes through the thread's context class loader and
 * caches what it finds, which is unreliable inside OSGi); Ogg Vorbis through {@link OggVorbisDecoder}.
 * PCM samples are converted by
 * {@link SampleConverter}. Failures inside a decoder become {@link UndecodableAudioException}s whose
 * message is ours (it reaches clients as the job's error); what the decoder said is kept as the cause.
 */
final class AudioReader implements Closeable {

    private static final String UNREADABLE_DATA = "the audio data cannot be read to its end";
    private static final String CORRUPT_DATA = "the audio data is corrupt";

    private final CountingInputStream source;
    private final AudioInputStream stream;
    private final SampleConverter converter;
    private final OggVorbisDecoder vorbis;
    private final int channels;
    private final float sampleRate;
    private byte[] buffer = new byte[0];

    private AudioReader(CountingInputStream source, AudioInputStream stream, OggVorbisDecoder vorbis) {
        this.source = source;
        this.stream = stream;
        this.vorbis = vorbis;
        this.converter = stream == null ? null : new SampleConverter(stream.getFormat());
        this.channels = stream == null ? vorbis.channels() : stream.getFormat().getChannels();
        this.sampleRate = stream == null ? vorbis.sampleRate() : stream.getFormat().getSampleRate();
        if (channels < 1 || sampleRate < 8_000 || sampleRate > 384_000) {
            throw new UnsupportedAudioFormatException("unsupported channel count or sample rate: " + channels + " ch, " + sampleRate + " Hz");
        }
    }

    /**
     * @throws UnsupportedAudioFormatException when the file is in none of the supported formats
     * @throws UndecodableAudioException       when it cannot be read or decoded
     */
    static AudioReader open(Path file) {
        CountingInputStream in = null;
        try {
            in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), Files.size(file));
            in.mark(AudioContainer.HEADER_BYTES);
            byte[] header = in.readNBytes(AudioContainer.HEADER_BYTES);
            in.reset();
            AudioContainer container = AudioContainer.detect(header, header.length);
            if (container == null) {
                throw new UnsupportedAudioFormatException("not a WAV, AIFF, FLAC, MP3 or Ogg Vorbis file: " + file.getFileName());
            }
            if (container == AudioContainer.OGG_VORBIS) {
                return new AudioReader(in, null, new OggVorbisDecoder(in));
            }
            return new AudioReader(in, decoded(container, in), null);
        } catch (UnsupportedAudioFileException e) {
            closeQuietly(in);
            throw new UndecodableAudioException("the audio data of " + file.getFileName() + " cannot be decoded", e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UndecodableAudioException(file.getFileName() + " cannot be read", e);
        } catch (UnsupportedAudioFormatException | UndecodableAudioException e) {
            closeQuietly(in);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(in);
            throw new UndecodableAudioException("the audio data of " + file.getFileName() + " cannot be decoded", e);
        }
    }

    /** A stream of PCM samples for the container's content. */
    private static AudioInputStream decoded(AudioContainer container, InputStream in) throws IOException, UnsupportedAudioFileException {
        switch (container) {
            case PCM_FILE:
                return AudioSystem.getAudioInputStream(in);
            case FLAC: {
                AudioInputStream encoded = new FlacAudioFileReader().getAudioInputStream(in);
                return new FlacFormatConversionProvider().getAudioInputStream(pcm(encoded.getFormat(), encoded.getFormat().getSampleSizeInBits()), encoded);
            }
            case MP3: {
                AudioInputStream encoded = new MpegAudioFileReader().getAudioInputStream(in);
                return new MpegFormatConversionProvider().getAudioInputStream(pcm(encoded.getFormat(), 16), encoded);
            }
            default:
                throw new IllegalStateException("unhandled container " + container);
        }
    }

    private static AudioFormat pcm(AudioFormat encoded, int bits) {
        int usableBits = bits > 0 ? bits : 16;
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, encoded.getSampleRate(), usableBits, encoded.getChannels(),
                encoded.getChannels() * usableBits / 8, encoded.getSampleRate(), false);
    }

    /** How much of the file has been read, 0..1 (compressed formats: of the encoded bytes). */
    double progress() {
        return source.fraction();
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
        if (vorbis != null) {
            try {
                return vorbis.read(block);
            } catch (IOException e) {
                throw new UndecodableAudioException(UNREADABLE_DATA, e);
            } catch (RuntimeException e) {
                throw new UndecodableAudioException(CORRUPT_DATA, e);
            }
        }
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
            throw new UndecodableAudioException(UNREADABLE_DATA, e);
        } catch (RuntimeException e) {
            // third-party decoders signal corrupt data with arbitrary runtime exceptions
            throw new UndecodableAudioException(CORRUPT_DATA, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(stream);
        closeQuietly(source);
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
