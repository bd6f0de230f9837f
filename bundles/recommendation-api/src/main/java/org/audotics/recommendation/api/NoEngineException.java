package org.audotics.recommendation.api;

/**
 * No recommendation engine can answer now: none is registered (only possible while the server starts or
 * stops), or the one registered is not ready yet ({@link EngineNotReadyException}). Either way the caller
 * should retry later (the REST layer answers 503 with {@code Retry-After}).
 */
public class NoEngineException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NoEngineException() {
        super("no recommendation engine is available");
    }

    /**
     * @param message why no engine can answer, for the log; not shown to clients
     * @since 1.1
     */
    protected NoEngineException(String message) {
        super(message);
    }
}
