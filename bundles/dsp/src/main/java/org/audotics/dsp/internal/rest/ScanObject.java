package org.audotics.dsp.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.audotics.dsp.internal.jobs.JobState;
import org.audotics.dsp.internal.scan.FolderScanner;
import org.audotics.dsp.internal.scan.ScanJob;

/** A folder scan as clients see it: state, file counts, progress, and where its analyses are. */
final class ScanObject {

    private ScanObject() {
    }

    static Map<String, Object> of(FolderScanner.Progress progress, URI apiBase) {
        ScanJob scan = progress.scan();
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("found", scan.filesFound());
        files.put("done", scan.filesDone());
        files.put("imported", scan.imported());
        files.put("unchanged", scan.unchanged());
        files.put("failed", scan.failed());
        Map<String, Object> analyses = new LinkedHashMap<>();
        for (JobState state : JobState.values()) {
            analyses.put(state.name().toLowerCase(Locale.ROOT), progress.analyses(state));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", scan.id());
        answer.put("folder", scan.folder());
        answer.put("state", scan.state().name().toLowerCase(Locale.ROOT));
        answer.put("finished", progress.finished());
        answer.put("progress", overall(progress));
        answer.put("files", files);
        answer.put("analyses", analyses);
        answer.put("error", scan.errorMessage() == null ? null : Map.of("code", "scan_failed", "message", scan.errorMessage()));
        answer.put("created_at", Instant.ofEpochMilli(scan.createdAt()).toString());
        answer.put("updated_at", Instant.ofEpochMilli(scan.updatedAt()).toString());
        answer.put("href", apiBase.resolve("scans/" + scan.id()).toString());
        return answer;
    }

    /** Files handled and analyses ended, over files found and analyses queued: 0..1. */
    private static double overall(FolderScanner.Progress progress) {
        ScanJob scan = progress.scan();
        int ended = progress.analyses(JobState.DONE) + progress.analyses(JobState.FAILED);
        int work = scan.filesFound() + scan.imported();
        if (progress.finished()) {
            return 1;
        }
        return work == 0 ? 0 : Math.min(0.99, (scan.filesDone() + ended) / (double) work);
    }
}
