package org.audotics.recommendation.api;

/**
 * A value of a recommendation request is out of its documented range or inconsistent (a bound outside an
 * attribute's range, {@code min > max}, no seed or too many). Thrown by the constructors of
 * {@link AttributeBounds} and {@link RecommendationRequest}; the REST edge answers 400
 * {@code invalid_parameter} with this message, which names the parameter in Spotify's spelling.
 *
 * <p>An {@code IllegalArgumentException} so that code written against 1.0 which catches that still works;
 * the REST edge maps only this type, so any other {@code IllegalArgumentException} stays a bug (500).
 *
 * @since 1.1
 */
public class InvalidRecommendationRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the parameter, e.g. {@code "min_tempo must be between 0 and 300"} */
    public InvalidRecommendationRequestException(String message) {
        super(message);
    }
}
