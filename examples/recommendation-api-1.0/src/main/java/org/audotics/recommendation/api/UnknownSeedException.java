package org.audotics.recommendation.api;

/** A seed names a track, artist or genre the catalog does not have. */
public class UnknownSeedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String seed;

    /**
     * @param parameter {@code seed_tracks}, {@code seed_artists} or {@code seed_genres}
     * @param seed      the unknown value
     */
    public UnknownSeedException(String parameter, String seed) {
        super(parameter + " names unknown " + parameter.substring(5, parameter.length() - 1) + " '" + seed + "'");
        this.parameter = parameter;
        this.seed = seed;
    }

    public String parameter() {
        return parameter;
    }

    public String seed() {
        return seed;
    }
}
