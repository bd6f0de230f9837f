package org.audotics.recommendation.internal.mood;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * What a mood query was understood to ask for, shown to the client as the answer's {@code interpretation}
 * (JSON in snake_case). Every value says the words it came from.
 *
 * @param query          the query as sent
 * @param understood     each phrase understood, in query order
 * @param targets        {@code target_<attribute>} → value, as {@code GET /v1/recommendations} would take it
 * @param bounds         {@code min_<attribute>} / {@code max_<attribute>} → value
 * @param genres         catalog genres asked for (used as seed genres)
 * @param excludedGenres genres no answered track (nor its artists) may have
 * @param releaseYears   the album release years asked for, or null
 * @param notUnderstood  words neither in the vocabulary nor catalog genres, in query order
 * @param unsupported    phrases understood but not applied, each with why
 * @param search         how the words not understood were searched for in the catalog, or null when none were
 * @param seeds          the seeds the recommendation used, or null before they are chosen
 * @param searchWords    the words to search the catalog for: those not understood (unless negated) and genre
 *                       words the catalog has no genre for ("daft punk"); not shown
 */
record Interpretation(
        String query,
        List<Understood> understood,
        Map<String, Value> targets,
        Map<String, Value> bounds,
        List<Genre> genres,
        List<Genre> excludedGenres,
        Years releaseYears,
        List<String> notUnderstood,
        List<Unsupported> unsupported,
        Search search,
        Seeds seeds,
        @JsonIgnore List<String> searchWords) {

    /** @param negated whether a negation ("no", "not too", "without") applied to it */
    record Understood(String words, String kind, boolean negated) {
    }

    record Value(double value, List<String> from) {
    }

    record Genre(String genre, String from) {
    }

    record Years(Integer min, Integer max, List<String> from) {

        boolean admits(String releaseDate) {
            if (releaseDate == null || releaseDate.length() < 4 || releaseDate.startsWith("0000")) {
                return false;
            }
            int year;
            try {
                year = Integer.parseInt(releaseDate.substring(0, 4));
            } catch (NumberFormatException notAYear) {
                return false;
            }
            return (min == null || year >= min) && (max == null || year <= max);
        }
    }

    record Unsupported(String words, String reason) {
    }

    /**
     * @param text        the words searched for
     * @param artists     artist ids found (seeds)
     * @param tracks      track ids found (seeds)
     * @param outcome     {@code used}, {@code no_match}, {@code unavailable} (no search service, or it is not ready),
     *                    or {@code no_room} (the seeds were already full)
     */
    record Search(String text, List<String> artists, List<String> tracks, String outcome) {
    }

    /**
     * @param seedGenres  seed genres
     * @param seedArtists seed artist ids
     * @param seedTracks  seed track ids
     * @param chosenBy    {@code genres}, {@code search}, {@code catalog} (tracks of the catalog that fit the bounds),
     *                    comma-separated when several; {@code none} for an empty catalog
     */
    record Seeds(List<String> seedGenres, List<String> seedArtists, List<String> seedTracks, String chosenBy) {
    }

    Interpretation withSearch(Search search) {
        return new Interpretation(query, understood, targets, bounds, genres, excludedGenres, releaseYears, notUnderstood,
                unsupported, search, seeds, searchWords);
    }

    Interpretation withSeeds(Seeds seeds) {
        return new Interpretation(query, understood, targets, bounds, genres, excludedGenres, releaseYears, notUnderstood,
                unsupported, search, seeds, searchWords);
    }

    /** The targets and bounds as a recommendation request takes them. */
    Map<TunableAttribute, AttributeBounds> requestBounds() {
        Map<TunableAttribute, AttributeBounds> bounds = new EnumMap<>(TunableAttribute.class);
        for (TunableAttribute attribute : TunableAttribute.values()) {
            Value min = this.bounds.get("min_" + attribute.parameter());
            Value max = this.bounds.get("max_" + attribute.parameter());
            Value target = targets.get("target_" + attribute.parameter());
            if (min != null || max != null || target != null) {
                bounds.put(attribute, new AttributeBounds(attribute, min == null ? null : min.value(),
                        max == null ? null : max.value(), target == null ? null : target.value()));
            }
        }
        return bounds;
    }

    Set<String> excludedGenreNames() {
        Set<String> names = new LinkedHashSet<>();
        excludedGenres.forEach(genre -> names.add(genre.genre()));
        return names;
    }

    List<String> genreNames() {
        return genres.stream().map(Genre::genre).toList();
    }
}
