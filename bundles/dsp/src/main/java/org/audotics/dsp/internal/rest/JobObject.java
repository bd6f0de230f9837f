package org.audotics.dsp.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.audotics.dsp.internal.jobs.AnalysisJob;

/** An analysis job as clients see it (snake_case JSON). */
record JobObject(String id, String trackId, String state, double progress, Error error, String createdAt, String updatedAt,
        String href, String analysisUrl) {

    record Error(String code, String message) {
    }

    static JobObject of(AnalysisJob job, URI apiBase) {
        return new JobObject(job.id(), job.trackId(), job.state().name().toLowerCase(Locale.ROOT), job.progress(),
                job.errorCode() == null ? null : new Error(job.errorCode(), job.errorMessage()),
                Instant.ofEpochMilli(job.createdAt()).toString(), Instant.ofEpochMilli(job.updatedAt()).toString(),
                apiBase.resolve("analysis-jobs/" + job.id()).toString(), apiBase.resolve("audio-analysis/" + job.trackId()).toString());
    }
}
