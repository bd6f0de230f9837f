package org.audotics.health.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A check of one dependency the server needs to answer requests (database, cache, ...).
 *
 * <p>Implemented by any bundle that owns such a dependency and registered as an OSGi service with the
 * service property {@link #NAME}; called by the HTTP bundle for every {@code GET /health/ready}, possibly
 * from several threads at once, so implementations must be thread-safe.
 *
 * <p>{@link #check()} must answer within about a second (use a short timeout against the dependency) and
 * must not throw: a failure is reported as {@link HealthStatus#down(String)}.
 */
@ConsumerType
public interface HealthCheck {

    /** Service property, {@code String}, required: the name shown in the health answer, e.g. {@code "database"}. */
    String NAME = "health.check.name";

    /** Checks the dependency now. Never null, never throws. */
    HealthStatus check();
}
