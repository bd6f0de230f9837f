package org.audotics.recommender.hybrid.internal.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.audotics.cache.api.PubSub;
import org.audotics.metrics.api.Metrics;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.TrainingJob;
import org.audotics.recommendation.api.TrainingRunningException;
import org.audotics.recommender.hybrid.internal.store.ModelFormat;
import org.audotics.recommender.hybrid.internal.store.ModelFormatException;
import org.audotics.recommender.hybrid.internal.store.ModelHeader;
import org.audotics.recommender.hybrid.internal.store.ModelStore;
import org.audotics.recommender.hybrid.internal.store.TrainingJobs;
import org.audotics.recommender.hybrid.internal.store.TrainingLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's models across the cluster (docs/recommender.md, "Stored models"):
 * <ul>
 * <li><b>Load</b>: at start the newest stored version; then every version another node announces on the pub/sub
 *     channel {@value #CHANNEL} ({@code <engine>:<version>}), and, since pub/sub is at most once, whatever newer
 *     version a poll of the database finds every {@code models.poll.seconds}. A version is read whole and verified
 *     before it replaces the serving one; one that fails is refused (logged) and the old model keeps serving.</li>
 * <li><b>Train</b>: as a job ({@link #start}), on this component's training thread, holding the cluster's
 *     {@link TrainingLease} (so one node trains at a time) and renewing it and the job's heartbeat on a thread of
 *     its own; the new model is stored, served here, announced, and older versions beyond {@code models.keep}
 *     deleted. A schedule starts one when the newest stored model is older than {@code training.interval.minutes}.</li>
 * </ul>
 */
final class ModelLifecycle implements AutoCloseable {

    static final String CHANNEL = "recommender:models";
    static final String REQUEST = "request";
    static final String SCHEDULE = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ModelLifecycle.class);

    /** One training job's work, on the training thread. */
    @FunctionalInterface
    interface Training {
        /** @return the model, or null when there is nothing to train on */
        ModelTrainer.Result run(ModelTrainer.Phases phases) throws IOException;
    }

    private final String engine;
    private final String node = UUID.randomUUID().toString();
    private final HybridConfig config;
    private final ModelStore store;
    private final TrainingLease lease;
    private final TrainingJobs jobs;
    private final PubSub pubSub;
    private final Training training;
    private final BooleanSupplier hasHistory;
    private final Runnable refreshContent;
    private final Consumer<TrainedModel> serve;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor models = daemon("audotics-hybrid-models", Thread.NORM_PRIORITY);
    private final ScheduledThreadPoolExecutor heartbeats = daemon("audotics-hybrid-lease", Thread.NORM_PRIORITY);
    private final ScheduledThreadPoolExecutor trainer = daemon("audotics-hybrid-training", Thread.MIN_PRIORITY);
    private static final int FIRST_LOAD_RETRY_SECONDS = 5;
    private volatile boolean contentReady;
    private volatile ModelHeader serving;
    private volatile long refused = -1;
    private volatile long nextScheduledAttempt;
    private volatile Future<?> lastRun;
    private PubSub.Subscription subscription;
    private volatile Metrics metrics;

    /**
     * @param refreshContent rebuilds the engine's content snapshot (at start and before each model is served)
     * @param serve          swaps a model in; called on one thread at a time, each version newer than the last
     */
    ModelLifecycle(String engine, HybridConfig config, ModelStore store, PubSub pubSub, Training training, BooleanSupplier hasHistory,
                   Runnable refreshContent, Consumer<TrainedModel> serve, Clock clock) {
        this.engine = engine;
        this.config = config;
        this.store = store;
        this.lease = new TrainingLease(store, clock);
        this.jobs = new TrainingJobs(store, clock, leaseTtl());
        this.pubSub = pubSub;
        this.training = training;
        this.hasHistory = hasHistory;
        this.refreshContent = refreshContent;
        this.serve = serve;
        this.clock = clock;
    }

    /**
     * Reports each training job this node runs to its end as {@code audotics_training_jobs_seconds_{bucket,count,sum}
     * {result=ok|failed}} (the histogram's {@code _count} counts them), before the job reads finished.
     */
    synchronized void reportTo(Metrics sink) {
        metrics = sink;
    }

    synchronized void stopReportingTo(Metrics sink) {
        if (metrics == sink) {
            metrics = null;
        }
    }

    private static ScheduledThreadPoolExecutor daemon(String name, int priority) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private Duration leaseTtl() {
        return Duration.ofSeconds(Math.max(3, config.training_lease_seconds()));
    }

    /** Subscribes, loads the newest stored model and starts the poll and the schedule; returns at once. */
    void start() {
        subscription = pubSub.subscribe(CHANNEL, message -> models.execute(() -> announced(message)));
        models.execute(this::firstLoad);
        if (config.models_poll_seconds() > 0) {
            models.scheduleWithFixedDelay(() -> guarded("polling for a newer model", this::loadNewest), config.models_poll_seconds(),
                    config.models_poll_seconds(), TimeUnit.SECONDS);
        }
        if (config.training_interval_minutes() >= 0) {
            models.scheduleWithFixedDelay(() -> guarded("the training schedule", this::trainIfDue), 0, 1, TimeUnit.MINUTES);
        }
    }

    /**
     * The content snapshot and the newest stored model, retried every {@value #FIRST_LOAD_RETRY_SECONDS} s until
     * both worked: at a node's start the catalog or the database may not be ready yet, and without a snapshot the
     * engine cannot answer at all.
     */
    private void firstLoad() {
        try {
            if (!contentReady) {
                refreshContent.run();
                contentReady = true;
            }
            loadNewest();
        } catch (RuntimeException e) {
            LOG.info("hybrid: first load not possible yet ({}), retrying in {} s", e.toString(), FIRST_LOAD_RETRY_SECONDS);
            models.schedule(this::firstLoad, FIRST_LOAD_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The header of the model serving here, or null before the first. */
    ModelHeader serving() {
        return serving;
    }

    Optional<ModelInfo> modelInfo() {
        ModelHeader h = serving;
        return h == null ? Optional.empty() : Optional.of(new ModelInfo(h.engine(), h.version(), h.trainedAt(), h.source(), h.users(),
                h.tracks(), h.interactions(), h.metrics()));
    }

    Optional<TrainingJob> job(String id) {
        return jobs.find(id);
    }

    List<TrainingJob> recentJobs(int limit) {
        return jobs.recent(limit);
    }

    /**
     * Starts a training job on the training thread.
     *
     * @throws TrainingRunningException when the cluster's lease is held (a training runs somewhere)
     */
    TrainingJob start(String trigger) {
        String id = UUID.randomUUID().toString();
        if (!lease.tryAcquire(engine, node, id, leaseTtl())) {
            throw new TrainingRunningException(lease.runningJob(engine).orElse(null));
        }
        try {
            jobs.create(id, engine, node, trigger);
        } catch (RuntimeException e) {
            lease.release(engine, node);
            throw e;
        }
        lastRun = trainer.submit(() -> run(id));
        return jobs.find(id).orElseThrow();
    }

    /** Waits for the last job this node started (tests and the engine's synchronous {@code train()}). */
    void awaitTraining() throws InterruptedException, ExecutionException {
        Future<?> run = lastRun;
        if (run != null) {
            run.get();
        }
    }

    private void run(String id) {
        long period = Math.max(1000, leaseTtl().toMillis() / 3);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> guarded("renewing the training lease", () -> {
            if (!lease.renew(engine, node, leaseTtl())) {
                LOG.warn("hybrid training job {}: the training lease was lost (another node may train too)", id);
            }
            jobs.heartbeat(id);
        }), period, period, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        Long version = null;
        String error = null;
        try {
            jobs.progress(id, "starting", 0);
            ModelTrainer.Result result = training.run((phase, progress) -> jobs.progress(id, phase, progress));
            if (result == null) {
                error = "the listening history is empty: nothing to train on";
            } else {
                jobs.progress(id, "storing", 0.9);
                ModelFormat.Decoded stored = store.save(result.model(), engine, result.source(), result.metrics());
                version = stored.header().version();
                serveIfNewer(stored);
                pubSub.publish(CHANNEL, engine + ":" + version);
                int pruned = store.prune(engine, Math.max(1, config.models_keep()));
                LOG.info("hybrid model {} trained ({}) on {} interactions, {} users, {} tracks, {} bytes in {} ms; metrics {}; {} old versions deleted",
                        version, result.source(), stored.header().interactions(), stored.header().users(), stored.header().tracks(),
                        stored.header().payloadBytes(), (System.nanoTime() - started) / 1_000_000, result.metrics(), pruned);
            }
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            LOG.warn("hybrid training job {} failed, the previous model keeps serving: {}", id, e.toString());
            error = e.toString();
        } finally {
            beat.cancel(false);
            // free the lease before the job reads finished, so that whoever sees it finished may start the next
            guarded("releasing the training lease", () -> lease.release(engine, node));
        }
        Metrics sink = metrics;
        if (sink != null) {
            sink.time("audotics.training.jobs", System.nanoTime() - started, "result", error == null ? "ok" : "failed");
        }
        if (error != null) {
            nextScheduledAttempt = clock.millis() + TimeUnit.MINUTES.toMillis(Math.max(5, config.training_interval_minutes()));
            String reason = error;
            guarded("recording the failed job", () -> jobs.failed(id, reason));
        } else {
            long done = version;
            guarded("recording the finished job", () -> jobs.succeeded(id, done));
        }
    }

    /** The schedule: trains when the newest stored model is older than the interval (0: when none is stored). */
    private void trainIfDue() {
        if (clock.millis() < nextScheduledAttempt) {
            return;
        }
        Optional<ModelStore.Stored> newest = store.newest(engine);
        int interval = config.training_interval_minutes();
        boolean due = newest.isEmpty()
                || (interval > 0 && newest.get().trainedAt().plus(Duration.ofMinutes(interval)).isBefore(clock.instant()));
        if (!due || !hasHistory.getAsBoolean()) {
            return;
        }
        try {
            TrainingJob job = start(SCHEDULE);
            LOG.info("hybrid training job {} started by the schedule", job.id());
        } catch (TrainingRunningException busy) {
            LOG.debug("hybrid schedule: {}", busy.getMessage());
        }
    }

    private void announced(String message) {
        guarded("following an announced model", () -> {
            int colon = message.lastIndexOf(':');
            if (colon < 0 || !message.substring(0, colon).equals(engine)) {
                return;
            }
            long version;
            try {
                version = Long.parseLong(message.substring(colon + 1));
            } catch (NumberFormatException e) {
                LOG.warn("hybrid: ignored a malformed model announcement");
                return;
            }
            ModelHeader now = serving;
            if ((now == null || version > now.version()) && version != refused) {
                load(version);
            }
        });
    }

    private void loadNewest() {
        Optional<ModelStore.Stored> newest = store.newest(engine);
        ModelHeader now = serving;
        if (newest.isPresent() && (now == null || newest.get().version() > now.version()) && newest.get().version() != refused) {
            load(newest.get().version());
        }
    }

    private void load(long version) {
        long started = System.nanoTime();
        try {
            ModelFormat.Decoded decoded = store.load(version);
            if (serveIfNewer(decoded)) {
                LOG.info("hybrid model {} loaded from the database ({} users, {} tracks, {} bytes) in {} ms", version,
                        decoded.header().users(), decoded.header().tracks(), decoded.header().payloadBytes(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (ModelFormatException e) {
            refused = version;
            ModelHeader now = serving;
            LOG.warn("hybrid model {} refused, {}: {}", version, now == null ? "no model serves yet" : "model " + now.version() + " keeps serving",
                    e.getMessage());
        }
    }

    private synchronized boolean serveIfNewer(ModelFormat.Decoded decoded) {
        ModelHeader now = serving;
        if (now != null && decoded.header().version() <= now.version()) {
            return false;
        }
        refreshContent.run();
        contentReady = true;
        serve.accept(decoded.model());
        serving = decoded.header();
        return true;
    }

    /** Runs background work so that a failure is logged and never ends a schedule (an exception would cancel it). */
    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("hybrid: {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        models.shutdownNow();
        heartbeats.shutdownNow();
        trainer.shutdownNow();
    }
}
