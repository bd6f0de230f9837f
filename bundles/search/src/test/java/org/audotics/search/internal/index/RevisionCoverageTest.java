package org.audotics.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RevisionCoverageTest {

    @Test
    void consecutiveRevisionsAdvanceAndAGapHoldsTheCoverageBack() {
        RevisionCoverage coverage = new RevisionCoverage(10);
        coverage.note(11);
        assertEquals(11, coverage.covered());
        coverage.note(13);
        coverage.note(14);
        assertEquals(11, coverage.covered(), "12 is missing");
        assertEquals(2, coverage.waitingPastAGap());
        coverage.note(12);
        assertEquals(14, coverage.covered());
        assertEquals(0, coverage.waitingPastAGap());
    }

    @Test
    void oldAndRepeatedRevisionsChangeNothing() {
        RevisionCoverage coverage = new RevisionCoverage(10);
        coverage.note(9);
        coverage.note(10);
        coverage.note(11);
        coverage.note(11);
        assertEquals(11, coverage.covered());
        assertEquals(0, coverage.waitingPastAGap());
    }

    @Test
    void aBuildCoversEverythingUpToItsRevisionAndKeepsWhatCameAfter() {
        RevisionCoverage coverage = new RevisionCoverage(0);
        coverage.note(5);
        coverage.note(9);
        coverage.built(7);
        assertEquals(7, coverage.covered(), "9 waits for 8");
        coverage.note(8);
        assertEquals(9, coverage.covered());
        coverage.reset();
        assertEquals(0, coverage.covered());
    }
}
