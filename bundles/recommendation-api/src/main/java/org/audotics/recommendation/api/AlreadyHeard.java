package org.audotics.recommendation.api;

/**
 * What to do with tracks the listener has already played ({@link RecommendationContext#alreadyHeard()}).
 *
 * @since 1.2
 */
public enum AlreadyHeard {
    /** Heard tracks may be recommended like any other (the default). */
    ALLOW,
    /** Heard tracks are never recommended: the recommendation service removes the tracks of the listener's
     *  profile ({@link RecommendationContext#taste()}) from every engine's answer. */
    EXCLUDE;

    /** The name on the wire: {@code allow}, {@code exclude}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
