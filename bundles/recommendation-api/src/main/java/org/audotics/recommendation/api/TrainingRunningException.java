package org.audotics.recommendation.api;

/**
 * A training was asked for while one runs (on any node): the REST layer answers 409.
 *
 * @since 1.4
 */
public class TrainingRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String runningJobId;

    /** @param runningJobId the job that runs, or null when it is not known (e.g. a scheduled training of an older node) */
    public TrainingRunningException(String runningJobId) {
        super(runningJobId == null ? "a training is running" : "training job " + runningJobId + " is running");
        this.runningJobId = runningJobId;
    }

    /** The job that runs, or null when not known. */
    public String runningJobId() {
        return runningJobId;
    }
}
