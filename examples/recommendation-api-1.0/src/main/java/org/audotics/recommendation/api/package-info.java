/**
 * Recommendations: the {@link org.audotics.recommendation.api.Recommender} SPI that engines implement
 * (and that can be replaced in a running server), the request model with Spotify's tunable attributes,
 * and the {@link org.audotics.recommendation.api.RecommendationService} that serves them.
 */
@Export
@Version("1.0.0")
package org.audotics.recommendation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
