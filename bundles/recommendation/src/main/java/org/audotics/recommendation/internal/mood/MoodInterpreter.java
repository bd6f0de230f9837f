package org.audotics.recommendation.internal.mood;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.audotics.recommendation.api.TunableAttribute;
import org.audotics.recommendation.internal.mood.Interpretation.Genre;
import org.audotics.recommendation.internal.mood.Interpretation.Understood;
import org.audotics.recommendation.internal.mood.Interpretation.Unsupported;
import org.audotics.recommendation.internal.mood.Interpretation.Value;
import org.audotics.recommendation.internal.mood.Interpretation.Years;
import org.audotics.recommendation.internal.mood.Vocabulary.Effect;
import org.audotics.recommendation.internal.mood.Vocabulary.Entry;
import org.audotics.recommendation.internal.mood.Vocabulary.GenreWord;
import org.audotics.recommendation.internal.mood.Vocabulary.Negation;
import org.audotics.recommendation.internal.mood.Vocabulary.Term;
import org.audotics.recommendation.internal.mood.Vocabulary.Word;
import org.audotics.recommendation.internal.mood.Vocabulary.WordKind;

/**
 * Turns a sentence into an {@link Interpretation}: feature targets and bounds, genres, excluded genres and
 * release years, each with the words it came from, and the words it did not understand.
 *
 * <p>Reading goes left to right over {@link QueryTokens}, taking at each place the longest phrase known (a
 * catalog genre before a vocabulary phrase of the same length). An intensifier ("very", "a bit") changes the
 * next term; a negation ("no", "without"; a cap: "not too") the next term and those joined to it by "or"/"nor";
 * both end at punctuation or "but". Numbers make tempi ("120 bpm", "around 90 bpm", "over 140 bpm",
 * "90-110 bpm", "between 90 and 110 bpm") and eras ("80s", "1990s", "early 2000s", "1985", "before 1990").
 *
 * <p>Several words on one attribute combine: targets are averaged, bounds intersected; explicit numbers (a
 * tempo in bpm, "live", "popular") override levels on their attribute. Bounds that contradict each other
 * are dropped (the targets stay) and reported as unsupported. Immutable and thread-safe: one per list of
 * catalog genres.
 */
final class MoodInterpreter {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}(?:\\.\\d+)?");
    private static final Pattern NUMBER_BPM = Pattern.compile("(\\d{1,4}(?:\\.\\d+)?)bpm");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,4}(?:\\.\\d+)?)-(\\d{1,4}(?:\\.\\d+)?)(bpm)?");
    private static final Pattern DECADE = Pattern.compile("(?:(\\d{2})|(\\d{3}0))'?s");
    private static final Pattern YEAR = Pattern.compile("1[89]\\d\\d|20\\d\\d");
    private static final Set<String> CONNECTORS = Set.of("or", "nor", "/");

    private final Vocabulary vocabulary;
    private final List<String> catalogGenres;
    private final Map<List<String>, String> genrePhrases = new HashMap<>();
    private final int longestGenre;

    /** @param catalogGenres the catalog's genres, lower case */
    MoodInterpreter(Vocabulary vocabulary, List<String> catalogGenres) {
        this.vocabulary = vocabulary;
        this.catalogGenres = List.copyOf(catalogGenres);
        int longest = 0;
        for (String genre : catalogGenres) {
            List<String> words = QueryTokens.phrase(genre);
            if (!words.isEmpty()) {
                genrePhrases.putIfAbsent(words, genre);
                longest = Math.max(longest, words.size());
            }
        }
        this.longestGenre = longest;
    }

    List<String> catalogGenres() {
        return catalogGenres;
    }

    Interpretation interpret(String query) {
        return new Reading(QueryTokens.of(query)).read(query);
    }

    /** The state of one reading. */
    private final class Reading {

        private final List<String> tokens;
        private final List<Understood> understood = new ArrayList<>();
        private final Map<TunableAttribute, Combined> levels = new EnumMap<>(TunableAttribute.class);
        private final Map<TunableAttribute, Combined> explicit = new EnumMap<>(TunableAttribute.class);
        private final Map<String, String> genres = new LinkedHashMap<>();
        private final Map<String, String> excluded = new LinkedHashMap<>();
        private final List<String> notUnderstood = new ArrayList<>();
        private final List<String> searchWords = new ArrayList<>();
        private final List<Unsupported> unsupported = new ArrayList<>();
        private final List<int[]> eraRanges = new ArrayList<>();
        private Integer eraMin;
        private Integer eraMax;
        private final List<String> eraWords = new ArrayList<>();

        // pending modifiers: they apply to the next thing of their kind and end with the clause
        private int intensity;
        private final List<String> intensityWords = new ArrayList<>();
        private Negation negation;
        private final List<String> negationWords = new ArrayList<>();
        private Negation carried;
        private String carriedWords;
        private WordKind tempoMode;
        private String tempoWords;
        private WordKind eraPart;
        private WordKind eraDirection;
        private String eraModifierWords;
        private Map<TunableAttribute, Combined> resolved;

        Reading(List<String> tokens) {
            this.tokens = tokens;
        }

        Interpretation read(String query) {
            int i = 0;
            while (i < tokens.size()) {
                String token = tokens.get(i);
                if (carried != null) {
                    Negation joined = carried;
                    carried = null;
                    if (CONNECTORS.contains(token)) {
                        negation = joined;
                        negationWords.add(carriedWords);
                        i++;
                        continue;
                    }
                }
                if (token.equals(QueryTokens.BREAK)) {
                    endClause();
                    i++;
                    continue;
                }
                int consumed = number(i);
                if (consumed > 0) {
                    i += consumed;
                    continue;
                }
                i += phrase(i);
            }
            endClause();
            return new Interpretation(query, List.copyOf(understood), targets(), bounds(), list(genres), list(excluded), years(),
                    List.copyOf(notUnderstood), List.copyOf(unsupported), null, null, List.copyOf(searchWords));
        }

        private void endClause() {
            if (negation != null && !negationWords.isEmpty()) {
                unsupported.add(new Unsupported(String.join(" ", negationWords), "a negation with nothing understood after it"));
            }
            intensity = 0;
            intensityWords.clear();
            negation = null;
            negationWords.clear();
            carried = null;
            tempoMode = null;
            eraPart = null;
            eraDirection = null;
        }

        /** Reads the longest known phrase at {@code i}, or one unknown word. @return words consumed */
        private int phrase(int i) {
            for (int length = Math.min(Math.max(longestGenre, Vocabulary.MAX_PHRASE), tokens.size() - i); length >= 1; length--) {
                List<String> words = tokens.subList(i, i + length);
                if (words.contains(QueryTokens.BREAK)) {
                    continue;
                }
                String genre = genrePhrases.get(words);
                Entry entry = length <= Vocabulary.MAX_PHRASE ? vocabulary.lookup(words) : null;
                if (genre != null && entry instanceof GenreWord genreWord) {
                    genreWord(genreWord, String.join(" ", words), genre); // "no rap" also caps speechiness
                    return length;
                }
                if (genre != null) {
                    catalogGenre(genre, String.join(" ", words));
                    return length;
                }
                if (entry != null) {
                    entry(entry, String.join(" ", words));
                    return length;
                }
            }
            String word = tokens.get(i);
            notUnderstood.add(word);
            if (negation != null) {
                negationWords.add(word); // "no justin bieber": an exclusion we cannot apply
            } else {
                searchWords.add(word);
            }
            return 1;
        }

        private void entry(Entry entry, String words) {
            if (entry instanceof Vocabulary.ClauseBreak) {
                endClause();
            } else if (entry instanceof Vocabulary.Intensifier intensifier) {
                intensity += intensifier.steps();
                intensityWords.add(words);
            } else if (entry instanceof Negation found) {
                negation = found;
                negationWords.clear();
                negationWords.add(words);
            } else if (entry instanceof Word word) {
                word(word, words);
            } else if (entry instanceof Term term) {
                term(term, words);
            } else if (entry instanceof GenreWord genreWord) {
                genreWord(genreWord, words, null);
            }
            // a Filler ("songs", "for", "the") carries no meaning
        }

        private void word(Word word, String words) {
            switch (word.kind()) {
                case APPROXIMATELY, AT_LEAST, AT_MOST -> {
                    tempoMode = word.kind();
                    tempoWords = words;
                }
                case EARLY, MID, LATE -> {
                    eraPart = word.kind();
                    eraModifierWords = words;
                }
                case BEFORE, AFTER -> {
                    eraDirection = word.kind();
                    eraModifierWords = words;
                }
                case DECADE -> decade(word.value(), words);
                case BETWEEN -> tempoMode = WordKind.BETWEEN; // read by number()
            }
        }

        /** The words of the phrase with the pending modifiers in front, and clears them. */
        private String modified(String words) {
            StringBuilder from = new StringBuilder();
            if (negation != null) {
                from.append(String.join(" ", negationWords)).append(' ');
            }
            intensityWords.forEach(word -> from.append(word).append(' '));
            return from.append(words).toString();
        }

        private void applied(String words, String kind) {
            Negation used = negation;
            understood.add(new Understood(modified(words), kind, used != null));
            intensity = 0;
            intensityWords.clear();
            if (used != null) {
                carried = used;
                carriedWords = String.join(" ", negationWords);
            }
            negation = null;
            negationWords.clear();
        }

        private void term(Term term, String words) {
            String from = modified(words);
            effects(term.effects(), term.negatedEffects(), from);
            applied(words, term.kind());
        }

        private void effects(Map<TunableAttribute, Effect> effects, Map<TunableAttribute, Effect> negatedEffects, String from) {
            if (negation == null) {
                effects.forEach((attribute, effect) -> effect(attribute, effect, intensity, from));
                return;
            }
            Set<TunableAttribute> attributes = new LinkedHashSet<>(effects.keySet());
            attributes.addAll(negatedEffects.keySet());
            for (TunableAttribute attribute : attributes) {
                Effect replacement = negatedEffects.get(attribute);
                Effect effect = effects.get(attribute);
                if (replacement != null) {
                    effect(attribute, replacement, 0, from);
                } else if (effect.level() != null) {
                    int[] bound = effect.level().intensified(intensity).negated(negation.cap());
                    if (bound == null) {
                        unsupported.add(new Unsupported(from, "the middle of " + attribute.parameter() + " cannot be negated"));
                        continue;
                    }
                    combined(levels, attribute).add(null,
                            bound[0] < 0 ? null : vocabulary.scale(attribute, bound[0]),
                            bound[1] < 0 ? null : vocabulary.scale(attribute, bound[1]), from);
                }
            }
        }

        private void effect(TunableAttribute attribute, Effect effect, int steps, String from) {
            if (effect.level() == null) {
                combined(explicit, attribute).add(effect.target(), effect.min(), effect.max(), from);
                return;
            }
            Level level = effect.level().intensified(steps);
            combined(levels, attribute).add(vocabulary.scale(attribute, level.target()),
                    level.min() < 0 ? null : vocabulary.scale(attribute, level.min()),
                    level.max() < 0 ? null : vocabulary.scale(attribute, level.max()), from);
        }

        private void catalogGenre(String genre, String words) {
            String from = modified(words);
            if (negation != null) {
                excluded.putIfAbsent(genre, from); // "no rock" excludes "indie rock" too
                catalogGenres.stream().filter(other -> containsWords(other, genre)).forEach(other -> excluded.putIfAbsent(other, from));
            } else {
                genres.putIfAbsent(genre, from);
            }
            applied(words, "genre");
        }

        /** @param catalogGenre the catalog genre these words also name, or null */
        private void genreWord(GenreWord word, String words, String catalogGenre) {
            String from = modified(words);
            List<String> exact = new ArrayList<>(word.genres().stream().filter(catalogGenres::contains).toList());
            if (catalogGenre != null && !exact.contains(catalogGenre)) {
                exact.add(0, catalogGenre);
            }
            List<String> containing = catalogGenres.stream()
                    .filter(genre -> word.genres().stream().anyMatch(name -> containsWords(genre, name))).toList();
            if (negation != null) {
                exact.forEach(genre -> excluded.putIfAbsent(genre, from));
                word.genres().forEach(genre -> excluded.putIfAbsent(genre, from));
                containing.forEach(genre -> excluded.putIfAbsent(genre, from));
            } else {
                List<String> found = exact.isEmpty() ? containing : exact;
                if (found.isEmpty()) {
                    unsupported.add(new Unsupported(from, "the catalog has no genre " + word.name()));
                    searchWords.add(words); // "daft punk" is searched whole
                }
                found.forEach(genre -> genres.putIfAbsent(genre, from));
            }
            effects(word.effects(), word.negatedEffects(), from);
            applied(words, "genre");
        }

        // ---- numbers: tempi and eras ----

        /** @return tokens consumed by a tempo or era at {@code i}, 0 when there is none */
        private int number(int i) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            Matcher bpm = NUMBER_BPM.matcher(token);
            if (bpm.matches()) {
                tempo(Double.parseDouble(bpm.group(1)), null, token);
                return 1;
            }
            Matcher range = RANGE.matcher(token);
            if (range.matches() && (range.group(3) != null || next.equals("bpm"))) {
                int used = range.group(3) != null ? 1 : 2;
                tempo(Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2)), joined(i, used));
                return used;
            }
            if (range.matches() && YEAR.matcher(range.group(1)).matches() && YEAR.matcher(range.group(2)).matches()) {
                years(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)), token);
                return 1;
            }
            if (NUMBER.matcher(token).matches() && (next.equals("bpm") || NUMBER_BPM.matcher(next).matches() && tempoMode == WordKind.BETWEEN)) {
                tempo(Double.parseDouble(token), null, joined(i, 2));
                return 2;
            }
            if (tempoMode == WordKind.BETWEEN && NUMBER.matcher(token).matches() && i + 2 < tokens.size()
                    && (next.equals("and") || next.equals("to"))) {
                String high = tokens.get(i + 2);
                Matcher highBpm = NUMBER_BPM.matcher(high);
                boolean bpmAfter = i + 3 < tokens.size() && tokens.get(i + 3).equals("bpm");
                if (highBpm.matches() || (NUMBER.matcher(high).matches() && bpmAfter)) {
                    double to = Double.parseDouble(highBpm.matches() ? highBpm.group(1) : high);
                    int used = highBpm.matches() ? 3 : 4;
                    tempo(Double.parseDouble(token), to, "between " + joined(i, used));
                    return used;
                }
                if (YEAR.matcher(token).matches() && YEAR.matcher(high).matches()) {
                    tempoMode = null;
                    years(Integer.parseInt(token), Integer.parseInt(high), "between " + joined(i, 3));
                    return 3;
                }
            }
            Matcher decade = DECADE.matcher(token);
            if (decade.matches()) {
                int start = decade.group(1) != null ? twoDigitDecade(Integer.parseInt(decade.group(1)))
                        : Integer.parseInt(decade.group(2));
                if (start >= 0) {
                    decade(start, token);
                    return 1;
                }
            }
            if (YEAR.matcher(token).matches()) { // "songs about love from 1985": a pending "about" is for tempi only
                year(Integer.parseInt(token), token);
                return 1;
            }
            return 0;
        }

        private String joined(int i, int length) {
            return String.join(" ", tokens.subList(i, i + length));
        }

        /** "80s" is the 1980s, "00s" and "10s" the 2000s and 2010s; "20s" the 1920s. */
        private int twoDigitDecade(int digits) {
            if (digits % 10 != 0) {
                return -1;
            }
            return digits >= 20 ? 1900 + digits : 2000 + digits;
        }

        private void tempo(double first, Double second, String words) {
            String from = (tempoMode != null && tempoMode != WordKind.BETWEEN ? tempoWords + " " : "") + words;
            TunableAttribute tempo = TunableAttribute.TEMPO;
            double low = second == null ? first : Math.min(first, second);
            double high = second == null ? first : Math.max(first, second);
            if (high > tempo.max() || low <= 0) {
                unsupported.add(new Unsupported(from, "a tempo must be between 1 and " + (int) tempo.max() + " bpm"));
            } else if (second != null) {
                combined(explicit, tempo).add((low + high) / 2, low, high, from);
            } else if (tempoMode == WordKind.AT_LEAST) {
                combined(explicit, tempo).add(null, first, null, from);
            } else if (tempoMode == WordKind.AT_MOST) {
                combined(explicit, tempo).add(null, null, first, from);
            } else {
                int tolerance = tempoMode == WordKind.APPROXIMATELY ? vocabulary.approximateTolerance() : vocabulary.exactTolerance();
                combined(explicit, tempo).add(first, Math.max(tempo.min(), first - tolerance), Math.min(tempo.max(), first + tolerance), from);
            }
            understood.add(new Understood(from, "tempo", false));
            tempoMode = null;
        }

        private void decade(int start, String words) {
            int from = start;
            int to = start + 9;
            String modifier = "";
            if (eraPart != null) {
                modifier = eraModifierWords + " ";
                switch (eraPart) {
                    case EARLY -> to = start + 3;
                    case MID -> {
                        from = start + 3;
                        to = start + 6;
                    }
                    default -> from = start + 6;
                }
                eraPart = null;
            }
            era(from, to, modifier + words);
        }

        private void year(int year, String words) {
            era(year, year, words);
        }

        private void years(int first, int second, String words) {
            era(Math.min(first, second), Math.max(first, second), words);
        }

        private void era(int from, int to, String words) {
            if (eraDirection != null) {
                String phrase = eraModifierWords + " " + words;
                if (eraDirection == WordKind.BEFORE) {
                    eraMax = eraMax == null ? from - 1 : Math.min(eraMax, from - 1);
                } else {
                    int after = from == to ? from : to + 1; // "after 2000" from 2000 on; "after the 80s" from 1990
                    eraMin = eraMin == null ? after : Math.max(eraMin, after);
                }
                eraWords.add(phrase);
                understood.add(new Understood(phrase, "era", false));
                eraDirection = null;
                return;
            }
            eraRanges.add(new int[] {from, to});
            eraWords.add(words);
            understood.add(new Understood(words, "era", false));
        }

        private Years years() {
            if (eraWords.isEmpty()) {
                return null;
            }
            Integer min = eraRanges.stream().map(range -> range[0]).min(Integer::compare).orElse(null);
            Integer max = eraRanges.stream().map(range -> range[1]).max(Integer::compare).orElse(null);
            if (eraMin != null) {
                min = min == null ? eraMin : Math.max(min, eraMin);
            }
            if (eraMax != null) {
                max = max == null ? eraMax : Math.min(max, eraMax);
            }
            if (min != null && max != null && min > max) {
                unsupported.add(new Unsupported(String.join(", ", eraWords), "the release years asked for do not overlap"));
                return null;
            }
            return new Years(min, max, List.copyOf(eraWords));
        }

        // ---- combining ----

        private Combined combined(Map<TunableAttribute, Combined> map, TunableAttribute attribute) {
            return map.computeIfAbsent(attribute, a -> new Combined());
        }

        private Map<TunableAttribute, Combined> resolved() {
            Map<TunableAttribute, Combined> resolved = new EnumMap<>(levels);
            resolved.putAll(explicit); // explicit numbers win on their attribute
            for (Map.Entry<TunableAttribute, Combined> entry : resolved.entrySet()) {
                Combined combined = entry.getValue();
                if (combined.min != null && combined.max != null && combined.min > combined.max) {
                    unsupported.add(new Unsupported(String.join(", ", combined.boundWords()),
                            entry.getKey().parameter() + " bounds contradict each other: dropped, the targets kept"));
                    combined.min = null;
                    combined.max = null;
                }
            }
            return resolved;
        }

        private Map<TunableAttribute, Combined> resolvedOnce() {
            if (resolved == null) {
                resolved = resolved();
            }
            return resolved;
        }

        private Map<String, Value> targets() {
            Map<String, Value> targets = new LinkedHashMap<>();
            resolvedOnce().forEach((attribute, combined) -> {
                if (!combined.targets.isEmpty()) {
                    double mean = combined.targets.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                    if (combined.min != null) {
                        mean = Math.max(mean, combined.min);
                    }
                    if (combined.max != null) {
                        mean = Math.min(mean, combined.max);
                    }
                    targets.put("target_" + attribute.parameter(), new Value(rounded(attribute, mean), List.copyOf(combined.targetWords)));
                }
            });
            return targets;
        }

        private Map<String, Value> bounds() {
            Map<String, Value> bounds = new LinkedHashMap<>();
            resolvedOnce().forEach((attribute, combined) -> {
                if (combined.min != null) {
                    bounds.put("min_" + attribute.parameter(), new Value(rounded(attribute, combined.min), List.copyOf(combined.minWords)));
                }
                if (combined.max != null) {
                    bounds.put("max_" + attribute.parameter(), new Value(rounded(attribute, combined.max), List.copyOf(combined.maxWords)));
                }
            });
            return bounds;
        }

        /** Genres asked for, less those also excluded ("rock, but no indie rock"). */
        private List<Genre> list(Map<String, String> genres) {
            List<Genre> list = new ArrayList<>();
            genres.forEach((genre, from) -> {
                if (genres == excluded || !excluded.containsKey(genre)) {
                    list.add(new Genre(genre, from));
                }
            });
            return List.copyOf(list);
        }
    }

    /** Targets averaged, bounds intersected, for one attribute. */
    private static final class Combined {
        final List<Double> targets = new ArrayList<>();
        final List<String> targetWords = new ArrayList<>();
        Double min;
        Double max;
        final List<String> minWords = new ArrayList<>();
        final List<String> maxWords = new ArrayList<>();

        /** The words of a bound are those that set its value: the strictest. */
        void add(Double target, Double min, Double max, String from) {
            if (target != null) {
                targets.add(target);
                addOnce(targetWords, from);
            }
            if (min != null) {
                if (this.min == null || min > this.min) {
                    minWords.clear();
                }
                if (this.min == null || min >= this.min) {
                    addOnce(minWords, from);
                    this.min = min;
                }
            }
            if (max != null) {
                if (this.max == null || max < this.max) {
                    maxWords.clear();
                }
                if (this.max == null || max <= this.max) {
                    addOnce(maxWords, from);
                    this.max = max;
                }
            }
        }

        List<String> boundWords() {
            List<String> words = new ArrayList<>(minWords);
            maxWords.forEach(word -> addOnce(words, word));
            return words;
        }

        private static void addOnce(List<String> list, String word) {
            if (!list.contains(word)) {
                list.add(word);
            }
        }
    }

    /** Values as a client would write them: 3 decimals for 0..1 features, 1 for tempo and loudness, whole numbers where integral. */
    static double rounded(TunableAttribute attribute, double value) {
        double clamped = Math.max(attribute.min(), Math.min(attribute.max(), value));
        if (attribute.integral()) {
            return Math.rint(clamped);
        }
        double scale = attribute == TunableAttribute.TEMPO || attribute == TunableAttribute.LOUDNESS ? 10 : 1000;
        return Math.round(clamped * scale) / scale;
    }

    /** Whether {@code genre} has the words of {@code name} in a row ("indie rock" has "rock"). */
    static boolean containsWords(String genre, String name) {
        List<String> words = QueryTokens.phrase(genre);
        List<String> part = QueryTokens.phrase(name);
        if (part.isEmpty() || part.size() > words.size()) {
            return false;
        }
        for (int start = 0; start + part.size() <= words.size(); start++) {
            if (words.subList(start, start + part.size()).equals(part)) {
                return true;
            }
        }
        return false;
    }
}
