/**
 * Readiness checks: each infrastructure bundle (storage, cache, ...) registers a {@link
 * org.audotics.health.api.HealthCheck} and the HTTP bundle aggregates them into {@code GET /health/ready}.
 *
 * <p>1.1.0: {@link org.audotics.health.api.JobSource} and {@link org.audotics.health.api.JobStatus}, the long-running
 * jobs of each kind (imports, scans, analyses, trainings) for the operator's shell ({@code audotics:jobs}).
 */
@Export
@Version("1.1.0")
package org.audotics.health.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
