package org.audotics.recommendation.internal.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.TunableAttribute;
import org.audotics.recommendation.internal.mood.Interpretation.Value;
import org.junit.jupiter.api.Test;

class MoodInterpreterTest {

    private static final Vocabulary VOCABULARY = Vocabulary.load();
    /** The genres of tracks-by-genre.csv, as the catalog stores them (lower case), and a few more. */
    private static final List<String> GENRES = List.of("a capella", "alternative", "country", "dance", "movie", "r&b",
            "indie rock", "rock", "deep house", "gangsta rap");
    private static final MoodInterpreter INTERPRETER = new MoodInterpreter(VOCABULARY, GENRES);

    private static Interpretation read(String query) {
        Interpretation interpretation = INTERPRETER.interpret(query);
        interpretation.requestBounds(); // every interpretation must make a valid request
        return interpretation;
    }

    private static double target(Interpretation interpretation, String attribute) {
        Value value = interpretation.targets().get("target_" + attribute);
        assertNotNull(value, "no target_" + attribute + " in " + interpretation);
        return value.value();
    }

    private static Double bound(Interpretation interpretation, String name) {
        Value value = interpretation.bounds().get(name);
        return value == null ? null : value.value();
    }

    private static double scale(TunableAttribute attribute, int position) {
        return MoodInterpreter.rounded(attribute, VOCABULARY.scale(attribute, position));
    }

    @Test
    void theVocabularyIsLargeAndConsistent() {
        assertTrue(VOCABULARY.concepts() >= 60, "concepts: " + VOCABULARY.concepts());
        assertTrue(VOCABULARY.phrases() >= 400, "phrases: " + VOCABULARY.phrases());
        for (TunableAttribute attribute : List.of(TunableAttribute.ENERGY, TunableAttribute.VALENCE, TunableAttribute.TEMPO,
                TunableAttribute.LOUDNESS, TunableAttribute.DANCEABILITY, TunableAttribute.ACOUSTICNESS)) {
            for (int i = 1; i < Level.RUNGS; i++) {
                assertTrue(VOCABULARY.scale(attribute, i) >= VOCABULARY.scale(attribute, i - 1), attribute + " ladder rises");
            }
        }
    }

    @Test
    void upbeatWorkoutWithoutRap() {
        Interpretation i = read("upbeat songs for a workout, no rap");
        // upbeat: energy high (p75); workout: energy very high (p90); averaged, at least the stricter lower bound
        assertEquals(MoodInterpreter.rounded(TunableAttribute.ENERGY,
                (VOCABULARY.scale(TunableAttribute.ENERGY, Level.P75) + VOCABULARY.scale(TunableAttribute.ENERGY, Level.P90)) / 2),
                target(i, "energy"), 1e-9);
        assertEquals(scale(TunableAttribute.ENERGY, Level.P75), bound(i, "min_energy"));
        assertEquals(List.of("upbeat", "workout"), i.targets().get("target_energy").from());
        assertEquals(List.of("workout"), i.bounds().get("min_energy").from());
        assertTrue(i.excludedGenreNames().containsAll(List.of("rap", "hip hop", "gangsta rap")), i.excludedGenres().toString());
        assertEquals("no rap", i.excludedGenres().get(0).from());
        assertEquals(0.33, bound(i, "max_speechiness"));
        assertTrue(i.notUnderstood().isEmpty(), i.notUnderstood().toString());
        assertTrue(i.genres().isEmpty());
    }

    @Test
    void theExampleOfTheDocsIsWhatIsAnswered() {
        Interpretation i = read("upbeat songs for a workout, no rap");
        assertEquals(Map.of("target_danceability", 0.623, "target_energy", 0.883, "target_tempo", 133.8, "target_valence", 0.605),
                values(i.targets()));
        assertEquals(Map.of("min_energy", 0.842, "max_speechiness", 0.33, "min_tempo", 120.0, "min_valence", 0.481),
                values(i.bounds()));
        assertEquals(List.of("upbeat"), i.bounds().get("min_valence").from());
        assertEquals(List.of("upbeat", "workout", "no rap"), i.understood().stream().map(Interpretation.Understood::words).toList());
    }

    private static Map<String, Double> values(Map<String, Value> values) {
        Map<String, Double> plain = new java.util.HashMap<>();
        values.forEach((name, value) -> plain.put(name, value.value()));
        return plain;
    }

    @Test
    void intensityMovesTheLevel() {
        Interpretation calm = read("calm");
        Interpretation veryCalm = read("very calm");
        Interpretation extremelyCalm = read("extremely calm music");
        Interpretation bitCalm = read("a bit calm");
        assertEquals(scale(TunableAttribute.ENERGY, Level.P10), target(calm, "energy"));
        assertEquals(scale(TunableAttribute.ENERGY, Level.P25), bound(calm, "max_energy"));
        assertEquals(scale(TunableAttribute.ENERGY, Level.P5), target(veryCalm, "energy"));
        assertEquals(scale(TunableAttribute.ENERGY, Level.P10), bound(veryCalm, "max_energy"));
        assertEquals(scale(TunableAttribute.ENERGY, Level.P5), target(extremelyCalm, "energy"), "the ladder ends at p5");
        assertEquals(scale(TunableAttribute.ENERGY, Level.P25), target(bitCalm, "energy"));
        assertEquals(List.of("very calm"), veryCalm.targets().get("target_energy").from());
    }

    @Test
    void aBitFasterIsAGentlePush() {
        Interpretation i = read("a bit faster");
        assertEquals(scale(TunableAttribute.TEMPO, Level.P60), target(i, "tempo"));
        assertNull(bound(i, "min_tempo"), "a bit: a target only");
        Interpretation fast = read("fast");
        assertEquals(scale(TunableAttribute.TEMPO, Level.P75), target(fast, "tempo"));
        assertEquals(scale(TunableAttribute.TEMPO, Level.P50), bound(fast, "min_tempo"));
        Interpretation energetic = read("extremely energetic");
        assertEquals(scale(TunableAttribute.ENERGY, Level.P95), target(energetic, "energy"));
        assertEquals(scale(TunableAttribute.ENERGY, Level.P90), bound(energetic, "min_energy"));
    }

    @Test
    void negationCapsOrFlips() {
        Interpretation notTooLoud = read("not too loud");
        assertEquals(scale(TunableAttribute.LOUDNESS, Level.P75), bound(notTooLoud, "max_loudness"));
        assertNull(notTooLoud.targets().get("target_loudness"));
        assertTrue(notTooLoud.understood().get(0).negated());
        assertEquals("not too loud", notTooLoud.bounds().get("max_loudness").from().get(0));
        Interpretation notLoud = read("not loud");
        assertEquals(scale(TunableAttribute.LOUDNESS, Level.P50), bound(notLoud, "max_loudness"));
        Interpretation notSad = read("nothing sad");
        assertEquals(scale(TunableAttribute.VALENCE, Level.P50), bound(notSad, "min_valence"));
        Interpretation notTooSlow = read("not too slow");
        assertEquals(scale(TunableAttribute.TEMPO, Level.P25), bound(notTooSlow, "min_tempo"));
    }

    @Test
    void withoutVocalsMeansInstrumental() {
        Interpretation i = read("something to study to without vocals");
        assertEquals(0.5, bound(i, "min_instrumentalness"), "Spotify: above 0.5 is meant to be instrumental");
        assertTrue(target(i, "energy") < 0.6);
        Interpretation vocals = read("with vocals");
        assertEquals(0.5, bound(vocals, "max_instrumentalness"));
        Interpretation noLyrics = read("no lyrics");
        assertEquals(0.5, bound(noLyrics, "min_instrumentalness"));
    }

    @Test
    void negationReachesTermsJoinedByOrButNotOthers() {
        Interpretation i = read("no country or rock music for driving");
        assertTrue(i.excludedGenreNames().containsAll(List.of("country", "rock", "indie rock")), i.excludedGenres().toString());
        assertFalse(i.understood().stream().filter(u -> u.kind().equals("activity")).findFirst().orElseThrow().negated());
        assertTrue(target(i, "energy") > 0.7, "driving is not negated");
        Interpretation sameClause = read("upbeat without vocals for a workout");
        assertEquals(0.5, bound(sameClause, "min_instrumentalness"));
        assertTrue(bound(sameClause, "min_energy") > 0.7, "workout stays positive");
    }

    @Test
    void negationEndsAtPunctuationAndBut() {
        Interpretation i = read("no, happy");
        assertTrue(i.bounds().get("min_valence") != null && target(i, "valence") > 0.6);
        assertEquals(1, i.unsupported().size(), "a dangling negation is reported");
        Interpretation but = read("not sad but calm");
        assertEquals(List.of(true, false), but.understood().stream().map(Interpretation.Understood::negated).toList(),
                "calm is not negated");
    }

    @Test
    void catalogGenresAreMatchedCaseInsensitivelyWholeAndMultiWord() {
        Interpretation i = read("Chill A CAPELLA and Deep House");
        assertEquals(List.of("a capella", "deep house"), i.genreNames());
        assertEquals("A CAPELLA".toLowerCase(), i.genres().get(0).from());
        Interpretation rnb = read("some R&B for dinner");
        assertEquals(List.of("r&b"), rnb.genreNames());
        Interpretation partial = read("housework"); // not "house": whole words only
        assertTrue(partial.genres().isEmpty());
        Interpretation word = read("rock");
        assertEquals(List.of("rock"), word.genreNames(), "the exact genre first");
        Interpretation jazz = read("jazz");
        assertTrue(jazz.genres().isEmpty());
        assertEquals("the catalog has no genre jazz", jazz.unsupported().get(0).reason());
    }

    @Test
    void excludedGenresAreNeverAlsoAskedFor() {
        Interpretation i = read("rock, but no indie rock");
        assertEquals(List.of("rock"), i.genreNames());
        assertTrue(i.excludedGenreNames().contains("indie rock"));
    }

    @Test
    void tempoNumbers() {
        Interpretation exact = read("120 bpm");
        assertEquals(120.0, target(exact, "tempo"));
        assertEquals(115.0, bound(exact, "min_tempo"));
        assertEquals(125.0, bound(exact, "max_tempo"));
        Interpretation around = read("around 90 bpm");
        assertEquals(80.0, bound(around, "min_tempo"));
        assertEquals(100.0, bound(around, "max_tempo"));
        assertEquals(List.of("around 90 bpm"), around.targets().get("target_tempo").from());
        Interpretation glued = read("128bpm house");
        assertEquals(128.0, target(glued, "tempo"));
        Interpretation over = read("over 140 bpm");
        assertEquals(140.0, bound(over, "min_tempo"));
        assertNull(bound(over, "max_tempo"));
        Interpretation range = read("90-110 bpm");
        assertEquals(90.0, bound(range, "min_tempo"));
        assertEquals(110.0, bound(range, "max_tempo"));
        Interpretation between = read("between 100 and 120 bpm");
        assertEquals(100.0, bound(between, "min_tempo"));
        assertEquals(120.0, bound(between, "max_tempo"));
    }

    @Test
    void explicitTempoWinsOverTempoWords() {
        Interpretation i = read("slow songs around 140 bpm");
        assertEquals(140.0, target(i, "tempo"));
        assertEquals(130.0, bound(i, "min_tempo"));
    }

    @Test
    void anImpossibleTempoIsReportedNotFailed() {
        Interpretation i = read("9000 bpm");
        assertTrue(i.targets().isEmpty());
        assertEquals("a tempo must be between 1 and 300 bpm", i.unsupported().get(0).reason());
    }

    @Test
    void erasBoundTheReleaseYear() {
        assertYears(read("80s"), 1980, 1989);
        assertYears(read("songs from the 70s"), 1970, 1979);
        assertYears(read("1990s rock"), 1990, 1999);
        assertYears(read("'80s"), 1980, 1989);
        assertYears(read("90's"), 1990, 1999);
        assertYears(read("the eighties"), 1980, 1989);
        assertYears(read("early 2000s"), 2000, 2003);
        assertYears(read("late 60s"), 1966, 1969);
        assertYears(read("from 1985"), 1985, 1985);
        assertYears(read("80s or 90s"), 1980, 1999);
        assertYears(read("before 1990"), null, 1989);
        assertYears(read("after the 80s"), 1990, null);
        assertYears(read("00s"), 2000, 2009);
        assertYears(read("songs about love from 1985"), 1985, 1985);
        assertEquals(List.of("80s"), read("80s").releaseYears().from());
        assertNull(read("happy").releaseYears());
    }

    private static void assertYears(Interpretation interpretation, Integer min, Integer max) {
        assertNotNull(interpretation.releaseYears(), interpretation.toString());
        assertEquals(min, interpretation.releaseYears().min(), interpretation.query());
        assertEquals(max, interpretation.releaseYears().max(), interpretation.query());
    }

    @Test
    void unknownWordsAreListedInOrder() {
        Interpretation i = read("happy songs like daft punk");
        assertEquals(List.of("daft"), i.notUnderstood(), "punk is a genre word");
        assertEquals(List.of("daft", "punk"), i.searchWords(), "a genre the catalog lacks is searched with its neighbours");
        Interpretation negated = read("no justin bieber");
        assertEquals(List.of(), negated.searchWords(), "negated words are not searched");
        assertEquals("no justin bieber", negated.unsupported().get(0).words());
        Interpretation nonsense = read("qwzx blorp");
        assertEquals(List.of("qwzx", "blorp"), nonsense.notUnderstood());
        assertTrue(nonsense.targets().isEmpty() && nonsense.bounds().isEmpty());
    }

    @Test
    void moodsMapToTheirFeatures() {
        Map<String, String[]> expected = Map.of(
                "happy", new String[] {"valence", "high"},
                "sad", new String[] {"valence", "low"},
                "angry", new String[] {"energy", "high"},
                "romantic", new String[] {"acousticness", "high"},
                "dark", new String[] {"valence", "low"},
                "chill", new String[] {"energy", "low"},
                "melancholic", new String[] {"valence", "low"},
                "party", new String[] {"danceability", "high"},
                "sleep", new String[] {"energy", "low"},
                "focus", new String[] {"speechiness", "low"});
        expected.forEach((word, feature) -> {
            Interpretation i = read(word);
            TunableAttribute attribute = attribute(feature[0]);
            double median = VOCABULARY.scale(attribute, Level.P50);
            double value = target(i, feature[0]);
            assertTrue(feature[1].equals("high") ? value > median : value < median, word + ": " + feature[0] + " " + value);
        });
    }

    @Test
    void activitiesAreUnderstood() {
        for (String activity : List.of("workout", "running", "study", "focus", "sleep", "party", "driving", "dinner",
                "yoga", "meditation", "cooking", "gaming", "road trip", "working out")) {
            Interpretation i = read("music for " + activity);
            assertTrue(i.notUnderstood().isEmpty(), activity + ": " + i.notUnderstood());
            assertFalse(i.targets().isEmpty(), activity);
            assertEquals("activity", i.understood().get(0).kind(), activity);
        }
    }

    @Test
    void contradictoryBoundsAreDroppedNotFailed() {
        Interpretation i = read("very calm workout");
        assertNull(bound(i, "min_energy"));
        assertNull(bound(i, "max_energy"));
        assertNotNull(i.targets().get("target_energy"));
        assertTrue(i.unsupported().stream().anyMatch(u -> u.reason().startsWith("energy bounds contradict")));
    }

    @Test
    void emojiUnicodeAndOddTextNeverFail() {
        assertTrue(target(read("😊 ☀️"), "valence") > 0.6);
        assertTrue(target(read("🔥🔥 💪"), "energy") > 0.8);
        assertTrue(target(read("❤️"), "acousticness") > 0.1);
        for (String odd : List.of("'; DROP TABLE tracks; --", "\" OR 1=1 --", "ÄÖÜ ß 日本語の歌 😀😀😀", "\u0007\u0000bell",
                "%00 %zz \\u0000", "...", "   ", "", "a".repeat(10_000), "very very very very", "not not not",
                "between", "between 1 and", "120", "bpm", "80s-90s", "1980-1989", "-", "&&&", "r&&b", "🏳️‍🌈", "\ud800", "𝄞 music",
                "happy".repeat(200), "no", "not too", "a bit", "99999999999999999999 bpm", "0 bpm", "1e400 bpm")) {
            Interpretation i = read(odd);
            assertNotNull(i, odd);
        }
        assertYears(read("1980-1989"), 1980, 1989);
        assertTrue(read("DROP TABLE tracks").notUnderstood().containsAll(List.of("drop", "table")));
    }

    @Test
    void everyInterpretationMakesValidBounds() {
        for (String query : List.of("extremely calm extremely energetic", "slow fast", "loud quiet", "not too loud very loud",
                "sleep party", "short long", "popular obscure", "live not live", "major minor", "spoken instrumental")) {
            Map<TunableAttribute, AttributeBounds> bounds = read(query).requestBounds();
            assertNotNull(bounds, query);
        }
    }

    private static TunableAttribute attribute(String parameter) {
        for (TunableAttribute attribute : TunableAttribute.values()) {
            if (attribute.parameter().equals(parameter)) {
                return attribute;
            }
        }
        throw new IllegalArgumentException(parameter);
    }
}
