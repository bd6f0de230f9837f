package org.audotics.recommendation.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A training job of a {@link TrainableRecommender}.
 *
 * @param id           the job's id
 * @param engine       the engine's {@link Recommender#NAME}
 * @param trigger      {@code "request"} (asked for over the API) or {@code "schedule"}
 * @param state        where it is
 * @param phase        what it does now, for people (e.g. {@code "reading history"}); never null
 * @param progress     0..1, 1 only when succeeded
 * @param createdAt    when it was asked for
 * @param startedAt    when it began to run, or null while queued
 * @param finishedAt   when it succeeded or failed, or null before
 * @param modelVersion the version it produced, or null unless it succeeded
 * @param error        why it failed, or null unless it failed; never a secret
 * @since 1.4
 */
public record TrainingJob(String id, String engine, String trigger, State state, String phase, double progress, Instant createdAt,
                          Instant startedAt, Instant finishedAt, Long modelVersion, String error) {

    /** A job's state; it only moves forward. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        /** True for succeeded and failed. */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    public TrainingJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1]");
        }
    }
}
