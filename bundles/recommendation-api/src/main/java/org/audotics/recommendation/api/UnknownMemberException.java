package org.audotics.recommendation.api;

/**
 * A group names a user that has no account. A bad request like any other
 * {@link InvalidRecommendationRequestException} (the REST edge answers 400 {@code invalid_parameter}).
 *
 * @since 1.2
 */
public class UnknownMemberException extends InvalidRecommendationRequestException {

    private static final long serialVersionUID = 1L;

    private final String userId;

    /** @param userId the member without an account */
    public UnknownMemberException(String userId) {
        super("members names unknown user '" + userId + "'");
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }
}
