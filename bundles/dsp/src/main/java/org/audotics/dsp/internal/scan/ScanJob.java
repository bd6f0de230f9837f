package org.audotics.dsp.internal.scan;

/**
 * A folder scan as stored.
 *
 * @param filesFound audio files found in the folder (known once the walk is done)
 * @param filesDone  files handled so far (imported, unchanged or failed)
 * @param imported   files turned into catalog tracks (new or changed) and queued for analysis
 * @param unchanged  files skipped because they are as the last scan saw them
 * @param failed     files that could not be read
 */
public record ScanJob(String id, String folder, ScanState state, int filesFound, int filesDone, int imported, int unchanged, int failed,
        String errorMessage, long createdAt, long updatedAt) {

    /** Share of the files handled, 0..1. */
    public double fileProgress() {
        return filesFound == 0 ? (state == ScanState.DONE ? 1 : 0) : filesDone / (double) filesFound;
    }
}
