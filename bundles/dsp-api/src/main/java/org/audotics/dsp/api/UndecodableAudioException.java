package org.audotics.dsp.api;

/** The format is supported but the content cannot be analysed (answered 422 at the REST edge). */
public class UndecodableAudioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UndecodableAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
