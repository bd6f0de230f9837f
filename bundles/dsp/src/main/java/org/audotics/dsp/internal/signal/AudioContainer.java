package org.audotics.dsp.internal.signal;

import java.nio.charset.StandardCharsets;

/** The audio formats we decode, told apart by the first bytes of a file (never by its name). */
public enum AudioContainer {
    /** RIFF/WAVE, AIFF or AU: PCM read by the JDK. */
    PCM_FILE,
    FLAC,
    MP3,
    OGG_VORBIS;

    /** Bytes needed by {@link #detect}. */
    public static final int HEADER_BYTES = 64;

    /** @return the container, or null when the bytes belong to none we decode */
    public static AudioContainer detect(byte[] header, int length) {
        String ascii = new String(header, 0, Math.min(length, HEADER_BYTES), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("RIFF") && ascii.startsWith("WAVE", 8) || ascii.startsWith("FORM") || ascii.startsWith(".snd")) {
            return PCM_FILE;
        }
        if (ascii.startsWith("fLaC")) {
            return FLAC;
        }
        if (ascii.startsWith("OggS")) {
            return ascii.contains("vorbis") ? OGG_VORBIS : null; // Ogg can carry Opus or FLAC too
        }
        if (ascii.startsWith("ID3") || length >= 2 && (header[0] & 0xFF) == 0xFF && (header[1] & 0xE0) == 0xE0) {
            return MP3;
        }
        return null;
    }
}
