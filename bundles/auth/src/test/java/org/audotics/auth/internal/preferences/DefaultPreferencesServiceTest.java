package org.audotics.auth.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.Preferences;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences on the storage bundle's real embedded database, beside accounts inserted as the account store does. */
class DefaultPreferencesServiceTest {

    private static final String ADA = "AdaAdaAdaAdaAdaAdaAda1";
    private static final String BOB = "BobBobBobBobBobBobBob1";

    @TempDir
    Path data;

    private PooledDatabase database;
    private DefaultPreferencesService preferences;

    @BeforeEach
    void open() throws Exception {
        database = EmbeddedDatabase.open(data);
        preferences = new DefaultPreferencesService(() -> new PreferenceStore(database));
        preferences.preferences(ADA); // creates the tables
        account(ADA);
        account(BOB);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void account(String id) throws Exception {
        sql("INSERT INTO user_account (id, email, password_hash, display_name, roles, created_at, updated_at) VALUES ('" + id + "', '"
                + id.toLowerCase() + "@example.org', 'x', 'N', 'user', 0, 0)");
    }

    private void sql(String statement) throws Exception {
        try (var connection = database.dataSource().getConnection(); var run = connection.createStatement()) {
            run.executeUpdate(statement);
        }
    }

    private static Preferences genres(List<String> genres) {
        return new Preferences(genres, Map.of(), List.of(), List.of());
    }

    private static Preferences targets(Map<String, Double> targets) {
        return new Preferences(List.of(), targets, List.of(), List.of());
    }

    private String refusal(String userId, Preferences given) {
        AccountException refused = assertThrows(AccountException.class, () -> preferences.replace(userId, given));
        assertEquals(AccountException.Reason.INVALID_FIELD, refused.reason());
        return refused.getMessage();
    }

    @Test
    void roundTripsNormalisedPreferencesAndAnotherUserHasNone() {
        Preferences stored = preferences.replace(ADA, new Preferences(List.of(" Jazz ", "hip-hop", "JAZZ"),
                Map.of("energy", 0.8, "tempo", 120.0, "key", -1.0, "loudness", -7.5), List.of("artist-1", "a_2"), List.of("t1")));
        Preferences expected = new Preferences(List.of("jazz", "hip-hop"), Map.of("energy", 0.8, "tempo", 120.0, "key", -1.0, "loudness", -7.5),
                List.of("artist-1", "a_2"), List.of("t1"));
        assertEquals(expected, stored);
        assertEquals(expected, preferences.preferences(ADA));
        assertEquals(Preferences.NONE, preferences.preferences(BOB));
        assertEquals(Preferences.NONE, preferences.preferences("no such user"));
    }

    @Test
    void aReplacementClearsWhatItLeavesOut() {
        preferences.replace(ADA, new Preferences(List.of("jazz"), Map.of("energy", 0.5), List.of("a"), List.of("t")));
        assertEquals(genres(List.of("rock")), preferences.replace(ADA, genres(List.of("rock"))));
        assertEquals(genres(List.of("rock")), preferences.preferences(ADA));
    }

    @Test
    void aDeletedAccountsPreferencesAreGone() throws Exception {
        preferences.replace(ADA, genres(List.of("jazz")));
        sql("DELETE FROM user_account WHERE id = '" + ADA + "'");
        assertEquals(Preferences.NONE, preferences.preferences(ADA));
        try (var connection = database.dataSource().getConnection(); var count = connection.createStatement();
                var row = count.executeQuery("SELECT COUNT(*) FROM user_preference")) {
            row.next();
            assertEquals(0, row.getInt(1));
        }
        assertEquals(AccountException.Reason.NOT_FOUND,
                assertThrows(AccountException.class, () -> preferences.replace(ADA, genres(List.of("jazz")))).reason());
    }

    @Test
    void refusesTooManyOrMalformedGenresNamingTheField() {
        List<String> many = IntStream.range(0, Preferences.MAX_GENRES + 1).mapToObj(i -> "genre " + i).toList();
        assertTrue(refusal(ADA, genres(many)).contains("'favourite_genres'"));
        assertTrue(refusal(ADA, genres(List.of("x".repeat(Preferences.MAX_GENRE_LENGTH + 1)))).contains("'favourite_genres'"));
        assertTrue(refusal(ADA, genres(List.of("  "))).contains("'favourite_genres'"));
        assertTrue(refusal(ADA, genres(List.of("a\u0000b"))).contains("'favourite_genres'"));
        assertEquals(Preferences.MAX_GENRES, preferences.replace(ADA, genres(many.subList(0, Preferences.MAX_GENRES))).favouriteGenres().size());
    }

    @Test
    void refusesUnknownAttributesAndTargetsOutsideSpotifysRanges() {
        assertTrue(refusal(ADA, targets(Map.of("loveliness", 0.5))).contains("'feature_targets.loveliness'"));
        assertTrue(refusal(ADA, targets(Map.of("energy", 1.5))).contains("'feature_targets.energy'"));
        assertTrue(refusal(ADA, targets(Map.of("tempo", -1.0))).contains("'feature_targets.tempo'"));
        assertTrue(refusal(ADA, targets(Map.of("key", 2.5))).contains("'feature_targets.key'"));
        assertTrue(refusal(ADA, targets(Map.of("valence", Double.NaN))).contains("'feature_targets.valence'"));
        assertEquals(Preferences.NONE, preferences.preferences(ADA), "nothing stored by a refused replacement");
    }

    @Test
    void refusesMalformedOrTooManyIdsNamingTheField() {
        assertTrue(refusal(ADA, new Preferences(List.of(), Map.of(), List.of("not an id"), List.of()))
                .contains("'never_recommend.artists'"));
        assertTrue(refusal(ADA, new Preferences(List.of(), Map.of(), List.of(), List.of("x".repeat(65))))
                .contains("'never_recommend.tracks'"));
        List<String> many = IntStream.range(0, Preferences.MAX_NEVER + 1).mapToObj(i -> "t" + i).toList();
        assertTrue(refusal(ADA, new Preferences(List.of(), Map.of(), List.of(), many)).contains("'never_recommend.tracks'"));
        Preferences full = new Preferences(List.of(), Map.of(), many.subList(0, Preferences.MAX_NEVER), many.subList(0, Preferences.MAX_NEVER));
        assertEquals(full, preferences.replace(ADA, full));
        assertEquals(Collections.nCopies(1, "t0"), preferences.preferences(ADA).neverTracks().subList(0, 1));
    }
}
