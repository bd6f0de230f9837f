package org.audotics.recommendation.internal.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.audotics.http.api.ApiException;
import org.audotics.recommendation.internal.mood.MoodResource.MoodRequest;
import org.junit.jupiter.api.Test;

class MoodResourceTest {

    private static ApiException refused(MoodRequest request) {
        ApiException refused = assertThrows(ApiException.class, () -> {
            MoodResource.query(request);
            MoodResource.limit(request);
        });
        assertEquals(400, refused.status());
        assertEquals("invalid_body", refused.code());
        return refused;
    }

    @Test
    void aQueryIsRequiredAndNotBlank() {
        refused(null);
        refused(new MoodRequest(null, 5));
        assertEquals("field 'query' must not be empty", refused(new MoodRequest("", null)).getMessage());
        assertEquals("field 'query' must not be empty", refused(new MoodRequest(" \t\n ", null)).getMessage());
    }

    @Test
    void aQueryHasAtMost500Characters() {
        assertEquals("a".repeat(500), MoodResource.query(new MoodRequest("a".repeat(500), null)));
        assertEquals("field 'query' must be at most 500 characters", refused(new MoodRequest("a".repeat(501), null)).getMessage());
        assertEquals("field 'query' must be at most 500 characters", refused(new MoodRequest("a".repeat(10_000), null)).getMessage());
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        assertEquals("field 'query' contains the control character U+0000", refused(new MoodRequest("happy\u0000", null)).getMessage());
        assertEquals("field 'query' contains an unpaired UTF-16 surrogate U+D800, which is not a character",
                refused(new MoodRequest("happy \ud800", null)).getMessage());
        assertEquals("happy 😀\tsongs", MoodResource.query(new MoodRequest("happy 😀\tsongs", null)));
    }

    @Test
    void theLimitIsOneToAHundredDefaultTwenty() {
        assertEquals(20, MoodResource.limit(new MoodRequest("x", null)));
        assertEquals(1, MoodResource.limit(new MoodRequest("x", 1)));
        assertEquals(100, MoodResource.limit(new MoodRequest("x", 100)));
        assertEquals("field 'limit' must be a whole number between 1 and 100", refused(new MoodRequest("x", 0)).getMessage());
        refused(new MoodRequest("x", 101));
        refused(new MoodRequest("x", -5));
    }
}
