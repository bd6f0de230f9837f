package org.audotics.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final Predicate<String> LETTERS = value -> value.matches("[a-z]+");

    @Test
    void readsAListKeepingOrderAndDuplicates() {
        assertEquals(List.of("b", "a", "b"), Parameters.requiredList("ids", "b, a,b", 3, LETTERS, "letters"));
    }

    @Test
    void refusesMissingTooLongEmptyOrMalformedLists() {
        assertEquals("ids is required: a comma-separated list of 1 to 3 ids",
                assertThrows(ApiException.class, () -> Parameters.requiredList("ids", " ", 3, LETTERS, "letters")).getMessage());
        assertEquals("ids lists 4 ids; at most 3 are allowed",
                assertThrows(ApiException.class, () -> Parameters.requiredList("ids", "a,b,c,d", 3, LETTERS, "letters")).getMessage());
        assertEquals("ids must be letters",
                assertThrows(ApiException.class, () -> Parameters.requiredList("ids", "a,,b", 3, LETTERS, "letters")).getMessage());
        ApiException e = assertThrows(ApiException.class, () -> Parameters.require("id", "A1", LETTERS, "letters"));
        assertEquals(400, e.status());
        assertEquals(ErrorCodes.INVALID_PARAMETER, e.code());
    }
}
