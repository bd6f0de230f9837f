package org.audotics.recommendation.internal.rest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.ws.rs.core.MultivaluedMap;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.http.api.ApiException;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * Reads the query parameters of {@code GET /v1/recommendations}, with Spotify's names and rules, into a
 * validated request. Every problem is a 400 naming the parameter; a request without any seed is a 422, unless it
 * is a listener's (then their taste is the seed).
 *
 * <p>Our additions: {@code exclude_tracks}, {@code exclude_artists} (ids, at most {@value Exclusions#MAX_EXCLUDED}
 * each), {@code max_per_artist} (1..{@value RecommendationService#MAX_LIMIT}), {@code exploration} (0..1),
 * {@code already_heard} ({@code allow} or {@code exclude}) and {@code explain} ({@code true} or {@code false}).
 */
record RecommendationQuery(RecommendationRequest request, int limit) {

    static final String NO_SEED = "no_seed";
    static final String MAX_PER_ARTIST = "max_per_artist";

    private static final Pattern GENRE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &'./+-]{0,99}");
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}|from_token");
    private static final List<String> PREFIXES = List.of("min_", "max_", "target_");

    static RecommendationQuery parse(MultivaluedMap<String, String> parameters) {
        return parse(parameters, Caller.ANONYMOUS);
    }

    /** @param caller who asks: a listener may give no seed */
    static RecommendationQuery parse(MultivaluedMap<String, String> parameters, Caller caller) {
        List<String> tracks = ids(parameters, "seed_tracks");
        List<String> artists = ids(parameters, "seed_artists");
        List<String> genres = genres(parameters);
        int seeds = tracks.size() + artists.size() + genres.size();
        if (seeds == 0 && caller.isAnonymous()) {
            throw ApiException.unprocessable(NO_SEED, "at least one of seed_tracks, seed_artists, seed_genres is required");
        }
        if (seeds > RecommendationRequest.MAX_SEEDS) {
            throw ApiException.invalidParameter("at most " + RecommendationRequest.MAX_SEEDS
                    + " seeds in all (seed_tracks, seed_artists, seed_genres) are allowed, got " + seeds);
        }
        String market = single(parameters, "market");
        if (market != null && !MARKET.matcher(market).matches()) {
            throw ApiException.invalidParameter("market must be an ISO 3166-1 alpha-2 country code such as SE, or from_token");
        }
        // a bound out of range is an InvalidRecommendationRequestException, answered 400 by its mapper
        return new RecommendationQuery(new RecommendationRequest(tracks, artists, genres, bounds(parameters), market,
                context(parameters, caller)), limit(parameters));
    }

    private static RecommendationContext context(MultivaluedMap<String, String> parameters, Caller caller) {
        Exclusions exclusions = new Exclusions(Set.copyOf(ids(parameters, "exclude_tracks")),
                Set.copyOf(ids(parameters, "exclude_artists")), Set.of());
        String cap = single(parameters, MAX_PER_ARTIST);
        int maxPerArtist = RecommendationContext.NO_ARTIST_CAP;
        if (cap != null) {
            try {
                maxPerArtist = Integer.parseInt(cap.strip());
            } catch (NumberFormatException notANumber) {
                maxPerArtist = -1;
            }
            if (maxPerArtist < 1 || maxPerArtist > RecommendationService.MAX_LIMIT) {
                throw ApiException.invalidParameter("max_per_artist must be a whole number between 1 and "
                        + RecommendationService.MAX_LIMIT);
            }
        }
        double exploration = RecommendationContext.DEFAULT_EXPLORATION;
        if (parameters.containsKey("exploration")) {
            exploration = number(parameters, "exploration");
            if (exploration < 0 || exploration > 1) {
                throw ApiException.invalidParameter("exploration must be between 0 and 1");
            }
        }
        boolean explain = flag(parameters, "explain");
        String heard = single(parameters, "already_heard");
        AlreadyHeard alreadyHeard = AlreadyHeard.ALLOW;
        if (heard != null) {
            alreadyHeard = java.util.Arrays.stream(AlreadyHeard.values()).filter(policy -> policy.wireName().equals(heard))
                    .findFirst().orElseThrow(() -> ApiException.invalidParameter("already_heard must be allow or exclude"));
        }
        return new RecommendationContext(caller, exclusions, maxPerArtist, exploration, explain, alreadyHeard, Map.of());
    }

    private static boolean flag(MultivaluedMap<String, String> parameters, String name) {
        String value = single(parameters, name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.invalidParameter(name + " must be true or false");
    }

    private static int limit(MultivaluedMap<String, String> parameters) {
        String value = single(parameters, "limit");
        if (value == null) {
            return RecommendationService.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= RecommendationService.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.invalidParameter("limit must be a whole number between 1 and " + RecommendationService.MAX_LIMIT);
    }

    private static Map<TunableAttribute, AttributeBounds> bounds(MultivaluedMap<String, String> parameters) {
        Map<TunableAttribute, Double[]> values = new EnumMap<>(TunableAttribute.class);
        for (String name : parameters.keySet()) {
            if (name.equals(MAX_PER_ARTIST)) {
                continue; // ours, not a max_ bound
            }
            for (int kind = 0; kind < PREFIXES.size(); kind++) {
                String prefix = PREFIXES.get(kind);
                if (name.startsWith(prefix)) {
                    TunableAttribute attribute = attribute(name, name.substring(prefix.length()));
                    values.computeIfAbsent(attribute, a -> new Double[3])[kind] = number(parameters, name);
                }
            }
        }
        Map<TunableAttribute, AttributeBounds> bounds = new EnumMap<>(TunableAttribute.class);
        values.forEach((attribute, v) -> bounds.put(attribute, new AttributeBounds(attribute, v[0], v[1], v[2])));
        return bounds;
    }

    private static TunableAttribute attribute(String parameter, String suffix) {
        for (TunableAttribute attribute : TunableAttribute.values()) {
            if (attribute.parameter().equals(suffix)) {
                return attribute;
            }
        }
        throw ApiException.invalidParameter(parameter + " is not a tunable attribute; known: "
                + String.join(", ", java.util.Arrays.stream(TunableAttribute.values()).map(TunableAttribute::parameter).toList()));
    }

    private static Double number(MultivaluedMap<String, String> parameters, String name) {
        String value = single(parameters, name);
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException notANumber) {
            // answered below
        }
        throw ApiException.invalidParameter(name + " must be a number");
    }

    private static List<String> ids(MultivaluedMap<String, String> parameters, String name) {
        List<String> ids = new ArrayList<>();
        for (String item : items(parameters, name)) {
            if (!CatalogIds.isWellFormed(item)) {
                throw ApiException.invalidParameter(name + " must list ids, each " + CatalogIds.RULE);
            }
            ids.add(item);
        }
        return ids;
    }

    private static List<String> genres(MultivaluedMap<String, String> parameters) {
        List<String> genres = new ArrayList<>();
        for (String item : items(parameters, "seed_genres")) {
            if (!GENRE.matcher(item).matches()) {
                throw ApiException.invalidParameter("seed_genres must list genre names (see /v1/recommendations/available-genre-seeds)");
            }
            genres.add(item.toLowerCase(Locale.ROOT));
        }
        return genres;
    }

    /** Comma-separated values, from one parameter or several of the same name; empty items are an error. */
    private static List<String> items(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                if (item.isBlank()) {
                    throw ApiException.invalidParameter(name + " has an empty item; separate values with single commas");
                }
                items.add(item.strip());
            }
        }
        return items;
    }

    private static String single(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.invalidParameter(name + " is given more than once");
        }
        return values.get(0);
    }
}
