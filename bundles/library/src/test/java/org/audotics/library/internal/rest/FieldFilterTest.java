package org.audotics.library.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.Test;

class FieldFilterTest {

    record Track(String name, String id, int durationMs) {
    }

    record Item(String addedAt, Track track) {
    }

    record Page(String href, List<Item> items, int total) {
    }

    record Playlist(String name, String snapshotId, Page tracks) {
    }

    private final Playlist playlist = new Playlist("Road", "s1", new Page("h", List.of(new Item("2026", new Track("A", "a", 1)),
            new Item("2027", new Track("B", "b", 2))), 2));

    @Test
    void keepsTheNamedFieldsNestedInParenthesesOrAfterADot() {
        assertEquals("{\"name\":\"Road\",\"tracks\":{\"items\":[{\"track\":{\"name\":\"A\"}},{\"track\":{\"name\":\"B\"}}]}}",
                FieldFilter.apply(FieldFilter.parse("name,tracks(items(track(name)))"), playlist).toString());
        assertEquals("{\"tracks\":{\"items\":[{\"added_at\":\"2026\",\"track\":{\"duration_ms\":1}},{\"added_at\":\"2027\",\"track\":{\"duration_ms\":2}}],\"total\":2}}",
                FieldFilter.apply(FieldFilter.parse("tracks.items(added_at,track.duration_ms),tracks.total"), playlist).toString());
        assertEquals("{\"snapshot_id\":\"s1\"}", FieldFilter.apply(FieldFilter.parse("snapshot_id,no_such_field"), playlist).toString());
        assertEquals("{\"tracks\":{\"href\":\"h\",\"items\":[{\"added_at\":\"2026\",\"track\":{\"name\":\"A\",\"id\":\"a\",\"duration_ms\":1}},"
                + "{\"added_at\":\"2027\",\"track\":{\"name\":\"B\",\"id\":\"b\",\"duration_ms\":2}}],\"total\":2}}",
                FieldFilter.apply(FieldFilter.parse("tracks(total),tracks"), playlist).toString(), "a field named whole keeps all of it");
    }

    @Test
    void withoutFieldsTheWholeObjectIsAnswered() {
        assertNull(FieldFilter.parse(null));
        assertSame(playlist, FieldFilter.apply(null, playlist));
    }

    @Test
    void malformedOrUnsupportedFieldsAreA400NamingTheParameter() {
        for (String bad : List.of("", ",", "name,", "tracks(", "tracks()", "tracks(items))", "!name", "name,!tracks", "a b", "a..b", "a.", "(a)", "a)")) {
            ApiException refused = assertThrows(ApiException.class, () -> FieldFilter.parse(bad), bad);
            assertEquals(400, refused.status(), bad);
            assertEquals("invalid_parameter", refused.code(), bad);
            assertTrue(refused.getMessage().startsWith("fields: "), refused.getMessage());
        }
        assertThrows(ApiException.class, () -> FieldFilter.parse("a".repeat(1001)));
    }
}
