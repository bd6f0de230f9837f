package org.audotics.recommendation.api;

import java.util.Objects;

/**
 * The engine that currently answers recommendations.
 *
 * @param name          its {@link Recommender#NAME}
 * @param description   its {@link Recommender#DESCRIPTION}, or null
 * @param bundle        symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param ranking       its {@code service.ranking}
 */
public record EngineInfo(String name, String description, String bundle, String bundleVersion, int ranking) {

    public EngineInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
    }
}
