/**
 * Readiness checks: each infrastructure bundle (storage, cache, ...) registers a {@link
 * org.audotics.health.api.HealthCheck} and the HTTP bundle aggregates them into {@code GET /health/ready}.
 */
@Export
@Version("1.0.0")
package org.audotics.health.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
