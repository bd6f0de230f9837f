package org.audotics.auth.internal.preferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.Preferences;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.InvalidRecommendationRequestException;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * The rules of {@link Preferences}, each refusal naming the field as the REST body spells it. Feature
 * targets are checked by recommendation-api's {@link AttributeBounds}, so a target is valid here exactly
 * when it is valid as a {@code target_} parameter of a recommendation request.
 */
final class PreferenceFields {

    private static final Map<String, TunableAttribute> ATTRIBUTES = Stream.of(TunableAttribute.values())
            .collect(Collectors.toMap(TunableAttribute::parameter, attribute -> attribute));
    private static final String ATTRIBUTE_NAMES = Stream.of(TunableAttribute.values()).map(TunableAttribute::parameter).sorted()
            .collect(Collectors.joining(", "));

    private PreferenceFields() {
    }

    /** @return the preferences normalised: genres trimmed and lower-cased, duplicates dropped keeping the first */
    static Preferences check(Preferences preferences) {
        return new Preferences(genres(preferences.favouriteGenres()), targets(preferences.featureTargets()),
                ids("never_recommend.artists", preferences.neverArtists()), ids("never_recommend.tracks", preferences.neverTracks()));
    }

    private static List<String> genres(List<String> given) {
        Set<String> genres = new LinkedHashSet<>();
        for (String genre : given) {
            if (genre.isBlank()) {
                throw invalid("field 'favourite_genres' contains an empty genre");
            }
            String name = genre.strip().toLowerCase(Locale.ROOT);
            if (name.codePointCount(0, name.length()) > Preferences.MAX_GENRE_LENGTH) {
                throw invalid("field 'favourite_genres' contains a genre longer than " + Preferences.MAX_GENRE_LENGTH + " characters");
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw invalid("field 'favourite_genres' contains a control character");
            }
            genres.add(name);
        }
        if (genres.size() > Preferences.MAX_GENRES) {
            throw invalid("field 'favourite_genres' has " + genres.size() + " genres; at most " + Preferences.MAX_GENRES);
        }
        return new ArrayList<>(genres);
    }

    private static Map<String, Double> targets(Map<String, Double> given) {
        Map<String, Double> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Double> target : given.entrySet()) {
            String field = "feature_targets." + target.getKey();
            TunableAttribute attribute = Optional.ofNullable(ATTRIBUTES.get(target.getKey()))
                    .orElseThrow(() -> invalid("field '" + field + "' is no tunable attribute; known: " + ATTRIBUTE_NAMES));
            try {
                new AttributeBounds(attribute, null, null, target.getValue());
            } catch (InvalidRecommendationRequestException e) {
                throw invalid("field '" + field + "' is out of range (" + e.getMessage() + ")");
            }
            targets.put(attribute.parameter(), target.getValue());
        }
        return targets;
    }

    private static List<String> ids(String field, List<String> given) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : given) {
            if (!CatalogIds.isWellFormed(id)) {
                throw invalid("field '" + field + "' contains " + "'" + id + "'" + ", not " + CatalogIds.RULE);
            }
            ids.add(id);
        }
        if (ids.size() > Preferences.MAX_NEVER) {
            throw invalid("field '" + field + "' has " + ids.size() + " ids; at most " + Preferences.MAX_NEVER);
        }
        return new ArrayList<>(ids);
    }

    private static AccountException invalid(String message) {
        return new AccountException(AccountException.Reason.INVALID_FIELD, message);
    }
}
