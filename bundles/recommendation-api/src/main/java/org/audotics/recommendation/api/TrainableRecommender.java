package org.audotics.recommendation.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of an engine whose model is trained from data: it reports the model it serves and takes
 * training jobs. An engine offers it by registering this service too, with the same {@link Recommender#NAME}
 * property as its {@link Recommender}; {@code GET /v1/recommender} and {@code POST /v1/recommender/training} use the
 * one named like the active engine. Engines built against 1.0–1.3 simply do not register it.
 *
 * <p>Called concurrently from request threads: implementations must be thread-safe and must not train on the
 * calling thread. In a cluster the model and the jobs are the cluster's (stored in the shared database): any node
 * answers for a job started on another, and at most one training runs at a time across all nodes.
 *
 * @since 1.4
 */
@ConsumerType
public interface TrainableRecommender {

    /** The model serving on this node now, or empty before the first one is trained or loaded. */
    Optional<ModelInfo> modelInfo();

    /**
     * Starts a training job and returns at once with it (state {@link TrainingJob.State#QUEUED} or later).
     *
     * @throws TrainingRunningException when a training is running already, on this node or another
     * @throws RuntimeException         e.g. a {@code StorageException} when the shared database is down
     */
    TrainingJob startTraining();

    /** A job by its id, started on any node; empty when unknown. */
    Optional<TrainingJob> trainingJob(String id);
}
