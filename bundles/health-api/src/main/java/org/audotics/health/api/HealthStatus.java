package org.audotics.health.api;

import java.util.Objects;

/**
 * The outcome of one {@link HealthCheck}.
 *
 * @param up     whether the dependency answered correctly
 * @param detail a short, human-readable explanation (e.g. {@code "PostgreSQL 15.19"} or
 *               {@code "connection refused"}); never null, never a secret or a stack trace
 */
public record HealthStatus(boolean up, String detail) {

    public HealthStatus {
        Objects.requireNonNull(detail, "detail");
    }

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
