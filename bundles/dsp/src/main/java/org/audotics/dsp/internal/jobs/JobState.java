package org.audotics.dsp.internal.jobs;

/** Where an analysis job is: waiting, being analysed by some node, finished, or refused. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED
}
