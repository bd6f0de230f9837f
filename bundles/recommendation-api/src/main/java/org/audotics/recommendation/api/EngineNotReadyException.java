package org.audotics.recommendation.api;

/**
 * Thrown by a {@link Recommender} that is registered but cannot answer yet, for example while it builds
 * its first index after a start. The engine throws at once rather than making the request wait; callers
 * treat it like any {@link NoEngineException}: retry later.
 *
 * @since 1.1
 */
public class EngineNotReadyException extends NoEngineException {

    private static final long serialVersionUID = 1L;

    /** @param message what the engine is waiting for, e.g. {@code "building index: 1200 tracks read"}; never a secret */
    public EngineNotReadyException(String message) {
        super(message);
    }
}
