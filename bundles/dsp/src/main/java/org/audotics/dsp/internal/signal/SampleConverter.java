package org.audotics.dsp.internal.signal;

import javax.sound.sampled.AudioFormat;
import org.audotics.dsp.api.UnsupportedAudioFormatException;

/**
 * Turns interleaved PCM bytes into floats in [-1, 1]: unsigned 8-bit, signed 16/24/32-bit integers and
 * 32/64-bit IEEE floats, either byte order.
 */
final class SampleConverter {

    private final int bytesPerSample;
    private final boolean bigEndian;
    private final AudioFormat.Encoding encoding;

    SampleConverter(AudioFormat format) {
        this.bytesPerSample = format.getSampleSizeInBits() / 8;
        this.bigEndian = format.isBigEndian();
        this.encoding = format.getEncoding();
        boolean integer = encoding.equals(AudioFormat.Encoding.PCM_SIGNED) || encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED);
        boolean floating = encoding.equals(AudioFormat.Encoding.PCM_FLOAT);
        if (format.getSampleSizeInBits() % 8 != 0
                || !(integer && bytesPerSample >= 1 && bytesPerSample <= 4 || floating && (bytesPerSample == 4 || bytesPerSample == 8))) {
            throw new UnsupportedAudioFormatException("unsupported sample format: " + encoding + " " + format.getSampleSizeInBits() + " bit");
        }
    }

    int bytesPerSample() {
        return bytesPerSample;
    }

    /** The sample starting at {@code offset}. */
    float sample(byte[] bytes, int offset) {
        long bits = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int index = bigEndian ? offset + i : offset + bytesPerSample - 1 - i;
            bits = (bits << 8) | (bytes[index] & 0xFF);
        }
        if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            return bytesPerSample == 4 ? Float.intBitsToFloat((int) bits) : (float) Double.longBitsToDouble(bits);
        }
        int shift = 64 - 8 * bytesPerSample;
        double scale = Math.pow(2, 8 * bytesPerSample - 1);
        if (encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            return (float) ((bits - scale) / scale);
        }
        return (float) (((bits << shift) >> shift) / scale); // sign-extend
    }
}
