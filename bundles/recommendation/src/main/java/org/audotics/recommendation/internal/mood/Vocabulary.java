package org.audotics.recommendation.internal.mood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * The words a mood query understands, read from {@code vocabulary.json} beside this class (the data file is
 * the vocabulary; docs/api.md describes it): percentile ladders per audio feature, terms (moods, activities,
 * tempo and sound words) with their effects, genre words, intensifiers, negations, fillers, tempo and era
 * words. Immutable once read; shared by every request.
 */
final class Vocabulary {

    static final String RESOURCE = "vocabulary.json";

    /** What a phrase is. */
    sealed interface Entry permits Term, GenreWord, Intensifier, Negation, Filler, ClauseBreak, Word {
    }

    /** A mood, activity, tempo or sound word. */
    record Term(String name, String kind, Map<TunableAttribute, Effect> effects, Map<TunableAttribute, Effect> negatedEffects)
            implements Entry {
    }

    /** A word for genres: the genre names it stands for, and feature effects of its own. */
    record GenreWord(String name, List<String> genres, Map<TunableAttribute, Effect> effects,
            Map<TunableAttribute, Effect> negatedEffects) implements Entry {
    }

    record Intensifier(int steps) implements Entry {
    }

    /** @param cap "not too": only the far end is cut off */
    record Negation(boolean cap) implements Entry {
    }

    record Filler() implements Entry {
    }

    record ClauseBreak() implements Entry {
    }

    /** Tempo and era words, read by the interpreter's number rules. */
    record Word(WordKind kind, int value) implements Entry {
    }

    enum WordKind { APPROXIMATELY, AT_LEAST, AT_MOST, DECADE, EARLY, MID, LATE, BEFORE, AFTER, BETWEEN }

    /**
     * What a word sets on one attribute: a {@link Level} of its scale, or explicit numbers.
     *
     * @param level  the level, or null when explicit
     * @param target explicit target, or null
     * @param min    explicit lower bound, or null
     * @param max    explicit upper bound, or null
     */
    record Effect(Level level, Double target, Double min, Double max) {
    }

    /** The longest phrase, in words. */
    static final int MAX_PHRASE = 5;

    private final Map<TunableAttribute, double[]> scales;
    private final Map<List<String>, Entry> phrases;
    private final int exactTolerance;
    private final int approximateTolerance;
    private final int size;

    private Vocabulary(Map<TunableAttribute, double[]> scales, Map<List<String>, Entry> phrases, int exactTolerance,
            int approximateTolerance, int size) {
        this.scales = scales;
        this.phrases = phrases;
        this.exactTolerance = exactTolerance;
        this.approximateTolerance = approximateTolerance;
        this.size = size;
    }

    /** Reads the vocabulary shipped in the bundle. */
    static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Vocabulary read(JsonNode root) {
        Map<TunableAttribute, double[]> scales = new EnumMap<>(TunableAttribute.class);
        fields(root.path("scales")).forEach((name, values) -> {
            if (!values.isArray()) {
                return; // "about"
            }
            if (values.size() != Level.RUNGS) {
                throw new IllegalStateException("scale " + name + " must have " + Level.RUNGS + " values");
            }
            double[] ladder = new double[Level.RUNGS];
            for (int i = 0; i < ladder.length; i++) {
                ladder[i] = values.get(i).asDouble();
            }
            scales.put(attribute(name), ladder);
        });
        Map<List<String>, Entry> phrases = new HashMap<>();
        Set<String> concepts = new HashSet<>();
        fields(root.path("terms")).forEach((name, term) -> {
            if (term.isObject()) {
                concepts.add(name);
                Term entry = new Term(name, term.path("kind").asText(), effects(term.path("effects"), scales),
                        effects(term.path("negated_effects"), scales));
                for (JsonNode phrase : term.path("phrases")) {
                    put(phrases, phrase.asText(), entry);
                }
            }
        });
        fields(root.path("genre_words")).forEach((name, word) -> {
            if (word.isObject()) {
                concepts.add("genre " + name);
                List<String> genres = new ArrayList<>();
                word.path("genres").forEach(genre -> genres.add(String.join(" ", QueryTokens.phrase(genre.asText()))));
                GenreWord entry = new GenreWord(name, List.copyOf(genres), effects(word.path("effects"), scales),
                        effects(word.path("negated_effects"), scales));
                for (JsonNode phrase : word.path("phrases")) {
                    put(phrases, phrase.asText(), entry);
                }
            }
        });
        fields(root.path("intensifiers")).forEach((phrase, steps) -> {
            if (steps.isInt()) {
                put(phrases, phrase, new Intensifier(steps.asInt()));
            }
        });
        root.path("negations").path("not").forEach(phrase -> put(phrases, phrase.asText(), new Negation(false)));
        root.path("negations").path("cap").forEach(phrase -> put(phrases, phrase.asText(), new Negation(true)));
        root.path("clause_breaks").forEach(phrase -> put(phrases, phrase.asText(), new ClauseBreak()));
        JsonNode tempo = root.path("tempo");
        words(phrases, tempo.path("approximately"), WordKind.APPROXIMATELY, 0);
        words(phrases, tempo.path("at_least"), WordKind.AT_LEAST, 0);
        words(phrases, tempo.path("at_most"), WordKind.AT_MOST, 0);
        put(phrases, "between", new Word(WordKind.BETWEEN, 0));
        JsonNode eras = root.path("eras");
        fields(eras.path("decades")).forEach((phrase, year) -> put(phrases, phrase, new Word(WordKind.DECADE, year.asInt())));
        words(phrases, eras.path("early"), WordKind.EARLY, 0);
        words(phrases, eras.path("mid"), WordKind.MID, 0);
        words(phrases, eras.path("late"), WordKind.LATE, 0);
        words(phrases, eras.path("before"), WordKind.BEFORE, 0);
        words(phrases, eras.path("after"), WordKind.AFTER, 0);
        // fillers last: a word that is also something else keeps its meaning
        for (JsonNode filler : root.path("fillers")) {
            phrases.putIfAbsent(QueryTokens.phrase(filler.asText()), new Filler());
        }
        return new Vocabulary(Map.copyOf(scales), Map.copyOf(phrases), tempo.path("exact_tolerance").asInt(5),
                tempo.path("approximate_tolerance").asInt(10), concepts.size());
    }

    /** @return what the words are, or null when the vocabulary does not know them */
    Entry lookup(List<String> words) {
        return phrases.get(words);
    }

    /** The value at a ladder position of an attribute's scale. */
    double scale(TunableAttribute attribute, int position) {
        double[] ladder = scales.get(attribute);
        if (ladder == null) {
            throw new IllegalStateException("the vocabulary has no scale for " + attribute.parameter());
        }
        return ladder[position];
    }

    int exactTolerance() {
        return exactTolerance;
    }

    int approximateTolerance() {
        return approximateTolerance;
    }

    /** Moods, activities, tempo, sound and genre words (each with its synonyms counted once). */
    int concepts() {
        return size;
    }

    /** Every phrase the vocabulary knows, fillers included. */
    int phrases() {
        return phrases.size();
    }

    private static void words(Map<List<String>, Entry> phrases, JsonNode list, WordKind kind, int value) {
        list.forEach(phrase -> put(phrases, phrase.asText(), new Word(kind, value)));
    }

    private static void put(Map<List<String>, Entry> phrases, String phrase, Entry entry) {
        List<String> words = QueryTokens.phrase(phrase);
        if (words.isEmpty() || words.size() > MAX_PHRASE) {
            throw new IllegalStateException("vocabulary phrase '" + phrase + "' must have 1 to " + MAX_PHRASE + " words");
        }
        Entry earlier = phrases.putIfAbsent(words, entry);
        if (earlier != null && !earlier.equals(entry)) {
            throw new IllegalStateException("vocabulary phrase '" + phrase + "' has two meanings");
        }
    }

    private static Map<TunableAttribute, Effect> effects(JsonNode node, Map<TunableAttribute, double[]> scales) {
        Map<TunableAttribute, Effect> effects = new EnumMap<>(TunableAttribute.class);
        fields(node).forEach((name, value) -> {
            TunableAttribute attribute = attribute(name);
            if (value.isTextual()) {
                if (!scales.containsKey(attribute)) {
                    throw new IllegalStateException("a level for " + name + " needs a scale");
                }
                effects.put(attribute, new Effect(Level.named(value.asText()), null, null, null));
            } else {
                effects.put(attribute, new Effect(null, number(value.path("target")), number(value.path("min")),
                        number(value.path("max"))));
            }
        });
        return Map.copyOf(effects);
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static TunableAttribute attribute(String name) {
        for (TunableAttribute attribute : TunableAttribute.values()) {
            if (attribute.parameter().equals(name)) {
                return attribute;
            }
        }
        throw new IllegalStateException("the vocabulary names an unknown attribute " + name);
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }
}
