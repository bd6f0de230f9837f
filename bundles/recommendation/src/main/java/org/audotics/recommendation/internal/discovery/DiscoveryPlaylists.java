package org.audotics.recommendation.internal.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.history.api.HistoryService;
import org.audotics.library.api.PlaylistService;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.internal.RecommendationConfig;
import org.audotics.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery playlists of this node: the schedule (every {@code discovery.check.minutes} it asks whether the
 * current period's run is due; one node of the cluster claims it, {@link DiscoveryWriter#runAll}), a whole run on
 * demand ({@code POST /v1/recommender/discovery}) and one listener's refresh ({@code POST /v1/me/discovery}). Active
 * only with the history, the library and the database; configured in {@code etc/org.audotics.recommendation.cfg}.
 */
@Component(service = DiscoveryPlaylists.class, configurationPid = RecommendationConfig.PID)
public final class DiscoveryPlaylists {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryPlaylists.class);

    /** The last or running whole run on this node. */
    public record RunState(String state, Instant startedAt, Instant finishedAt, String trigger, DiscoveryWriter.RunSummary summary,
                           String error) {
    }

    private final DiscoveryWriter writer;
    private final ScheduledExecutorService executor;
    private final AtomicReference<RunState> run = new AtomicReference<>();
    private volatile boolean stopped;

    @Activate
    public DiscoveryPlaylists(@Reference RecommendationService recommendations, @Reference HistoryService history,
                              @Reference PlaylistService playlists, @Reference Database database, RecommendationConfig config) {
        Clock clock = Clock.systemUTC();
        this.writer = new DiscoveryWriter(recommendations, history, playlists, new DiscoveryStore(database, clock), clock,
                "node-" + UUID.randomUUID(), settings(config));
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audotics-discovery");
            t.setDaemon(true);
            return t;
        });
        if (config.discovery_enabled()) {
            long every = Math.max(1, config.discovery_check_minutes());
            executor.scheduleWithFixedDelay(() -> runNow("schedule", true), every, every, TimeUnit.MINUTES);
        }
    }

    static DiscoveryWriter.Settings settings(RecommendationConfig config) {
        int size = Math.max(1, Math.min(PlaylistService.MAX_TRACKS_PER_CHANGE, config.discovery_size()));
        int cap = Math.max(1, Math.min(RecommendationService.MAX_LIMIT, config.discovery_max__per__artist()));
        String name = config.discovery_playlist_name() == null || config.discovery_playlist_name().isBlank()
                ? "Audotics Discovery" : config.discovery_playlist_name().strip();
        return new DiscoveryWriter.Settings(TimeUnit.DAYS.toMillis(Math.max(1, config.discovery_interval_days())), size, cap,
                Math.max(0, Math.min(1, config.discovery_exploration())), name, TimeUnit.SECONDS.toMillis(Math.max(10, config.discovery_claim_seconds())));
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        executor.shutdownNow();
    }

    /** Tracks a playlist gets unless asked otherwise. */
    public int defaultSize() {
        return writer.settings().size();
    }

    /** Refreshes one listener's playlist now (on the calling thread). */
    public DiscoveryWriter.Outcome refresh(String userId, int size) {
        return writer.refresh(userId, size, false);
    }

    /** Starts a whole run on this node's discovery thread; false when one is already running here. */
    public boolean startRun() {
        RunState current = run.get();
        if (current != null && current.state().equals("running")) {
            return false;
        }
        RunState started = new RunState("running", Instant.now(), null, "request", null, null);
        if (!run.compareAndSet(current, started)) {
            return false;
        }
        executor.execute(() -> runNow("request", false, started, current));
        return true;
    }

    /** The last or running whole run on this node, if any. */
    public Optional<RunState> lastRun() {
        return Optional.ofNullable(run.get());
    }

    private void runNow(String trigger, boolean scheduled) {
        RunState current = run.get();
        if (current != null && current.state().equals("running")) {
            return;
        }
        RunState started = new RunState("running", Instant.now(), null, trigger, null, null);
        if (run.compareAndSet(current, started)) {
            runNow(trigger, scheduled, started, current);
        }
    }

    private void runNow(String trigger, boolean scheduled, RunState started, RunState previous) {
        try {
            Optional<DiscoveryWriter.RunSummary> summary = writer.runAll(scheduled, () -> stopped);
            if (summary.isEmpty() && scheduled) {
                run.set(previous); // nothing due: the last real run stays the one reported
                return;
            }
            run.set(new RunState(summary.isPresent() ? "finished" : "skipped", started.startedAt(), Instant.now(), trigger,
                    summary.orElse(null), summary.isPresent() ? null : scheduled ? "this period's run is done or runs on another node"
                    : "another node runs it now"));
        } catch (RuntimeException e) {
            LOG.warn("Discovery run failed", e);
            run.set(new RunState("failed", started.startedAt(), Instant.now(), trigger, null, e.toString()));
        }
    }
}
