package org.audotics.recommendation.api;

/** No recommendation engine is registered (only possible while the server starts or stops). */
public class NoEngineException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NoEngineException() {
        super("no recommendation engine is available");
    }
}
