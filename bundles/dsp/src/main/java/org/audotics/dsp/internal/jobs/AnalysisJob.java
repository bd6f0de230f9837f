package org.audotics.dsp.internal.jobs;

/**
 * An analysis job as stored.
 *
 * @param progress     0..1
 * @param errorCode    for {@link JobState#FAILED}: {@code unsupported_audio_format}, {@code undecodable_audio} or
 *                     {@code internal_error}; else null
 * @param createdAt    epoch milliseconds
 */
public record AnalysisJob(String id, String trackId, String audioPath, JobState state, double progress,
        String errorCode, String errorMessage, long createdAt, long updatedAt) {
}
