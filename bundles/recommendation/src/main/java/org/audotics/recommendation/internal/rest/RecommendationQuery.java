package org.audotics.recommendation.internal.rest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.ws.rs.core.MultivaluedMap;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.http.api.ApiException;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * Reads the query parameters of {@code GET /v1/recommendations}, with Spotify's names and rules, into a
 * validated request. Every problem is a 400 naming the parameter; a request without any seed is a 422.
 */
record RecommendationQuery(RecommendationRequest request, int limit) {

    static final String NO_SEED = "no_seed";

    private static final Pattern GENRE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &'./+-]{0,99}");
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}|from_token");
    private static final List<String> PREFIXES = List.of("min_", "max_", "target_");

    static RecommendationQuery parse(MultivaluedMap<String, String> parameters) {
        List<String> tracks = ids(parameters, "seed_tracks");
        List<String> artists = ids(parameters, "seed_artists");
        List<String> genres = genres(parameters);
        int seeds = tracks.size() + artists.size() + genres.size();
        if (seeds == 0) {
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
        return new RecommendationQuery(new RecommendationRequest(tracks, artists, genres, bounds(parameters), market),
                limit(parameters));
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
