package org.audotics.dsp.api;

/** The file is not in a supported audio format (answered 415 at the REST edge). */
public class UnsupportedAudioFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedAudioFormatException(String message) {
        super(message);
    }
}
