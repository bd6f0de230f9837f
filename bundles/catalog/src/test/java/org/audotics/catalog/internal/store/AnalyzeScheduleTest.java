package org.audotics.catalog.internal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnalyzeScheduleTest {

    @Test
    void analysesAfterTheFirstRowsThenEachTimeTheTableHasDoubled() {
        AnalyzeSchedule schedule = new AnalyzeSchedule();
        assertFalse(schedule.written(0), "nothing written yet");
        assertTrue(schedule.written(2_000), "the first batch on a table without statistics");
        schedule.analysed(2_000);
        assertFalse(schedule.written(1_999));
        assertTrue(schedule.written(1), "as many rows again as at the last analysis");
        schedule.analysed(4_000);
        assertFalse(schedule.written(2_000));
        assertFalse(schedule.written(1_999));
        assertTrue(schedule.written(1));
    }

    @Test
    void aLargeTableAtStartWaitsForAsManyRowsAgain() {
        AnalyzeSchedule schedule = new AnalyzeSchedule();
        assertTrue(schedule.written(2_000), "the size is unknown until the first analysis");
        schedule.analysed(1_000_000);
        assertFalse(schedule.written(998_000));
        assertTrue(schedule.written(2_000));
    }

    @Test
    void aFailedAnalysisIsTriedAgainAfterAsManyRowsAsItWaitedFor() {
        AnalyzeSchedule schedule = new AnalyzeSchedule();
        assertTrue(schedule.written(2_000));
        schedule.analysed(2_000);
        assertTrue(schedule.written(2_000));
        schedule.failed();
        assertFalse(schedule.written(1_999), "not again at the next batch");
        assertTrue(schedule.written(1));
    }
}
