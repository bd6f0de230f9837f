package org.audotics.dsp.internal.audio;

/** An upload the store refused; nothing of it was kept and the track's previous audio is unchanged. */
public final class AudioUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the upload was refused. */
    public enum Reason {
        /** Larger than {@code max.upload.mb}. */
        TOO_LARGE,
        /** No bytes at all. */
        EMPTY,
        /** Not WAV, AIFF, FLAC, MP3 or Ogg Vorbis, judged by its bytes. */
        NOT_AUDIO
    }

    private final Reason reason;

    AudioUploadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
