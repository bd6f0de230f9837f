package org.audotics.dsp.internal.jobs;

import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code analysis} readiness check: up once the job queue's schema is migrated and its store open. */
@Component(service = HealthCheck.class, property = HealthCheck.NAME + "=analysis")
public final class AnalysisHealth implements HealthCheck {

    private final AnalysisQueue queue;

    @Activate
    public AnalysisHealth(@Reference AnalysisQueue queue) {
        this.queue = queue;
    }

    @Override
    public HealthStatus check() {
        return queue.notReadyBecause().map(reason -> HealthStatus.down("analysis queue not ready: " + reason))
                .orElseGet(() -> HealthStatus.up("analysis queue ready, node " + queue.nodeId()));
    }
}
