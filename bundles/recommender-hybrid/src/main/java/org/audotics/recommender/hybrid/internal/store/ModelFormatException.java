package org.audotics.recommender.hybrid.internal.store;

import java.io.IOException;

/** Stored model bytes that are not a whole, intact model of a format this engine reads: the model is refused. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
