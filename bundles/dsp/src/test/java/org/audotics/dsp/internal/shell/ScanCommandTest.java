package org.audotics.dsp.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.audotics.dsp.internal.jobs.JobState;
import org.audotics.dsp.internal.scan.FolderScanner;
import org.audotics.dsp.internal.scan.ScanJob;
import org.audotics.dsp.internal.scan.ScanState;
import org.junit.jupiter.api.Test;

/** The shell's progress line: files walked and analyses ended over all the work the scan found. */
class ScanCommandTest {

    private static FolderScanner.Progress progress(ScanState state, int found, int done, int imported, Map<JobState, Integer> analyses) {
        return new FolderScanner.Progress(new ScanJob("id", "/music", state, found, done, imported, done - imported, 0, null, 0, 0), analyses);
    }

    @Test
    void barGrowsWithFilesAndAnalyses() {
        assertEquals("[                              ]   0%  files 0/10  analysed 0/0",
                ScanCommand.line(progress(ScanState.RUNNING, 10, 0, 0, Map.of())));
        assertEquals("[###############               ]  50%  files 10/10  analysed 0/10",
                ScanCommand.line(progress(ScanState.DONE, 10, 10, 10, Map.of(JobState.QUEUED, 10))));
        assertEquals("[##############################] 100%  files 10/10  analysed 10/10",
                ScanCommand.line(progress(ScanState.DONE, 10, 10, 10, Map.of(JobState.DONE, 9, JobState.FAILED, 1))));
    }
}
