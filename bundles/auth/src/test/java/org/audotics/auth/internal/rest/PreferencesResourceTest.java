package org.audotics.auth.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.NotAuthorizedException;
import org.audotics.auth.api.Preferences;
import org.audotics.auth.api.PreferencesService;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.Test;

/** {@code /v1/me/preferences} at the resource level: the caller's own preferences, nulls refused at the edge. */
class PreferencesResourceTest {

    /** Stores what it is given, per user. */
    private static final class StoredPreferences implements PreferencesService {
        final Map<String, Preferences> byUser = new ConcurrentHashMap<>();

        @Override
        public Preferences preferences(String userId) {
            return byUser.getOrDefault(userId, Preferences.NONE);
        }

        @Override
        public Preferences replace(String userId, Preferences preferences) {
            byUser.put(userId, preferences);
            return preferences;
        }
    }

    private static final String ADA = "0000000000000000000001";
    private static final String BOB = "0000000000000000000002";

    private final StoredPreferences stored = new StoredPreferences();
    private final PreferencesResource resource = new PreferencesResource(stored);

    @Test
    void putStoresTheCallersPreferencesAndGetAnswersThemInTheBodyShape() {
        Map<String, Object> answer = resource.replace(new PreferencesResource.PreferencesBody(List.of("jazz"), Map.of("energy", 0.8),
                new PreferencesResource.NeverRecommend(List.of("a1"), List.of("t1", "t2"))), Requests.caller(ADA, Set.of(Roles.USER)));
        Map<String, Object> expected = Map.of("favourite_genres", List.of("jazz"), "feature_targets", Map.of("energy", 0.8),
                "never_recommend", Map.of("artists", List.of("a1"), "tracks", List.of("t1", "t2")));
        assertEquals(expected, answer);
        assertEquals(expected, resource.read(Requests.caller(ADA, Set.of(Roles.USER))));
        assertEquals(Map.of("favourite_genres", List.of(), "feature_targets", Map.of(), "never_recommend", Map.of("artists", List.of(), "tracks", List.of())),
                resource.read(Requests.caller(BOB, Set.of(Roles.USER))));
    }

    @Test
    void absentFieldsAreClearedAndNullsInsideAreRefusedNamingTheField() {
        resource.replace(new PreferencesResource.PreferencesBody(null, null, null), Requests.caller(ADA, Set.of(Roles.USER)));
        assertEquals(Preferences.NONE, stored.preferences(ADA));

        ApiException genre = assertThrows(ApiException.class, () -> resource.replace(
                new PreferencesResource.PreferencesBody(Arrays.asList("jazz", null), null, null), Requests.caller(ADA, Set.of(Roles.USER))));
        assertEquals(400, genre.status());
        assertTrue(genre.getMessage().contains("'favourite_genres'"), genre.getMessage());
        Map<String, Double> nullTarget = new HashMap<>();
        nullTarget.put("energy", null);
        ApiException target = assertThrows(ApiException.class, () -> resource.replace(
                new PreferencesResource.PreferencesBody(null, nullTarget, null), Requests.caller(ADA, Set.of(Roles.USER))));
        assertTrue(target.getMessage().contains("'feature_targets.energy'"), target.getMessage());
        ApiException track = assertThrows(ApiException.class, () -> resource.replace(new PreferencesResource.PreferencesBody(null, null,
                new PreferencesResource.NeverRecommend(null, Arrays.asList((String) null))), Requests.caller(ADA, Set.of(Roles.USER))));
        assertTrue(track.getMessage().contains("'never_recommend.tracks'"), track.getMessage());
        assertEquals(400, assertThrows(ApiException.class, () -> resource.replace(null, Requests.caller(ADA, Set.of(Roles.USER)))).status());
        assertEquals(Preferences.NONE, stored.preferences(ADA), "nothing stored by a refused body");
    }

    @Test
    void withoutATokenBothMethodsAnswer401AndOnlyUsersReachTheResource() {
        assertThrows(NotAuthorizedException.class, () -> resource.read(Requests.anonymous()));
        assertThrows(NotAuthorizedException.class, () -> resource.replace(new PreferencesResource.PreferencesBody(null, null, null), Requests.anonymous()));
        assertEquals(List.of(Roles.USER), List.of(PreferencesResource.class.getAnnotation(RolesAllowed.class).value()));
        assertTrue(stored.byUser.isEmpty());
    }
}
